// The report as a reader-lane job: it only reads the cache, and a user waits on it.
import { reportRequest, type ReportFile } from '../../../src-shared/contract/reports';
import { cacheReader } from '../../platform/cache/reader';
import { defineJob } from '../../platform/jobs/define';
import { generateReport, summaryOf } from './generate';
import { trapCountJob } from './traps-now';

export const reportJob = defineJob({
  kind: 'reports.generate',
  lane: 'reader',
  params: reportRequest,
  run: async (req, ctx): Promise<ReportFile> => {
    const { doc, file } = await generateReport(cacheReader(ctx.cacheFile), req, {
      signal: ctx.signal,
      progress: (fraction, message) => ctx.progress({ fraction, message }),
    });
    return {
      fileName: file.fileName,
      mimeType: file.mimeType,
      bytes: file.bytes.length,
      contentBase64: Buffer.from(file.bytes).toString('base64'),
      pages: file.pages,
      summary: summaryOf(doc),
    };
  },
});

export const reportsJobs = [reportJob, trapCountJob];
