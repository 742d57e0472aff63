// A file the page saves (a report, a grid export) goes through the OS save dialog, in the user's
// Documents folder by default.
import path from 'node:path';
import type { Session } from 'electron';

export function saveDialogForDownloads(session: Pick<Session, 'on'>, documentsDir: string): void {
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Save export',
      defaultPath: path.join(documentsDir, item.getFilename()),
      buttonLabel: 'Save',
    });
  });
}
