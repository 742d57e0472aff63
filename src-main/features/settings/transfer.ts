import { ContractError, validationError } from '../../../src-shared/contract/errors';
import { DEFAULT_SETTINGS, settingsExport, type Settings } from '../../../src-shared/contract/settings';
import { mergeDeep } from '../../platform/settings';

// Settings as a file: exported without secrets, imported with the same validation as an edit.

export function exportSettings(settings: Settings, now = new Date()): { fileName: string; content: string } {
  const file = { format: 'monps-settings', version: 1, exportedAt: now.toISOString(), settings };
  return { fileName: `monps-settings-${now.toISOString().slice(0, 10)}.json`, content: `${JSON.stringify(file, null, 2)}\n` };
}

/** The settings an exported file holds, over the defaults (a file from an older version lacks newer
 * fields). Fails with what is wrong: not JSON, not a settings file; the values are validated by the caller. */
export function readSettingsFile(content: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (err) {
    throw new ContractError('VALIDATION', `the file is not JSON: ${(err as Error).message}`);
  }
  const parsed = settingsExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.path[0] === 'format' || issue.path[0] === 'version' || issue.path.length === 0)
      throw new ContractError('VALIDATION', "not a Mon_PS Desk settings file (expected format 'monps-settings', version 1)");
    throw validationError(parsed.error.issues, 'settings file');
  }
  return mergeDeep(DEFAULT_SETTINGS, parsed.data.settings);
}
