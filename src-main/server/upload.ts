// `POST /upload/imports/<name>[?replace=1]`: one file's raw bytes streamed to the desk's import folder
// (the RPC's 1 MiB JSON body cannot carry a season's CSV). Authentication, the Host and Origin guards
// are the server's own, applied before this runs; the rules of the file are saveImport's.
import type http from 'node:http';
import type { RpcResponse } from '../../src-shared/contract';
import { MAX_UPLOAD_BYTES, UPLOAD_PATH, type UploadResult } from '../../src-shared/contract/imports';
import { toContractError } from '../platform/errors';

export type UploadHandler = (
  name: string,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: { replace: boolean; declaredBytes: number | null },
) => Promise<UploadResult>;

/** The rest of a refused body is read and dropped so the client gets its answer, not a reset; past
 * this much the connection is cut. */
const DRAIN_LIMIT = 4 * MAX_UPLOAD_BYTES;

export const isUploadPath = (pathname: string): boolean => pathname.startsWith(UPLOAD_PATH);

function drain(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((done) => {
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT) {
        req.destroy();
        done();
      }
    });
    req.on('end', () => done());
    req.on('error', () => done());
    req.resume();
  });
}

function declaredLength(req: http.IncomingMessage): number | null {
  const n = Number(req.headers['content-length']);
  return req.headers['content-length'] !== undefined && Number.isFinite(n) ? n : null;
}

/** The answer to an upload and its HTTP status (null: the status of its error code). */
export async function uploadAnswer(
  req: http.IncomingMessage,
  url: URL,
  upload: UploadHandler | undefined,
): Promise<{ status: number | null; answer: RpcResponse }> {
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(UPLOAD_PATH.length));
  } catch {
    await drain(req);
    return { status: 400, answer: { ok: false, error: { code: 'VALIDATION', message: 'malformed percent-escape in the file name' } } };
  }
  if (!upload) {
    await drain(req);
    return { status: 404, answer: { ok: false, error: { code: 'NOT_FOUND', message: 'this server has no import folder' } } };
  }
  try {
    // an early refusal leaves the request readable, so the rest is drained and the answer arrives
    const body = req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
    const value = await upload(name, body, { replace: url.searchParams.get('replace') === '1', declaredBytes: declaredLength(req) });
    return { status: 200, answer: { ok: true, value } };
  } catch (err) {
    await drain(req);
    const status = (err as { status?: unknown }).status;
    return { status: typeof status === 'number' ? status : null, answer: { ok: false, error: toContractError(err).toJSON() } };
  }
}
