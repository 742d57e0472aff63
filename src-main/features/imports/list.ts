import fs from 'node:fs';
import path from 'node:path';
import type { ImportedFile } from '../../../src-shared/contract/imports';

export interface ImportListing {
  files: ImportedFile[];
  ignored: { name: string; reason: string }[];
}

/** Why an entry of the folder is not an imported file, or null when it is one. */
function whyIgnored(name: string, st: fs.Stats): string | null {
  if (name.startsWith('.')) return 'a hidden file (an upload under way, or left by an interrupted one)';
  if (st.isSymbolicLink()) return 'a symbolic link (never followed)';
  if (!st.isFile()) return 'not a regular file (a folder, a FIFO or a device)';
  if (!/\.csv$/i.test(name)) return 'not a .csv file';
  return null;
}

/** The regular .csv files of the import folder by name, and every other entry with why it is left out. */
export function listImports(dir: string): ImportListing {
  if (!fs.existsSync(dir)) return { files: [], ignored: [] };
  const out: ImportListing = { files: [], ignored: [] };
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const st = fs.lstatSync(file);
    const why = whyIgnored(name, st);
    if (why) out.ignored.push({ name, reason: why });
    else out.files.push({ name, path: file, bytes: st.size, modifiedAt: st.mtime.toISOString() });
  }
  return out;
}
