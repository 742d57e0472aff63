import { ContractError } from '../../../src-shared/contract/errors';

/** A file name the desk accepts into its import folder: one plain name ending in .csv, no path
 * separator, no NUL or control character, not hidden (uploads in progress are hidden files), at most
 * 255 bytes. A refusal says which rule the name breaks. */
export function safeImportName(name: string): string {
  const refuse = (why: string): never => {
    throw new ContractError('VALIDATION', `file name ${JSON.stringify(name)}: ${why}`, { issues: [{ path: ['name'], message: why }] });
  };
  if (name.includes('\0')) refuse('holds a NUL character');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(name)) refuse('holds a control character');
  if (name.includes('/') || name.includes('\\')) refuse('holds a path separator (a plain file name only)');
  if (name.startsWith('.')) refuse('starts with a dot (hidden files are not imported)');
  if (!/\.csv$/i.test(name)) refuse('is not a .csv file');
  if (name.trim() !== name || name.length <= 4) refuse('is empty or starts or ends with a space');
  if (Buffer.byteLength(name, 'utf8') > 255) refuse('is longer than 255 bytes');
  return name;
}
