// Settings (SPEC 7): the settings.* contract methods but the source (app/source-handlers.ts), export
// and import as a file, the cache's bookmakers and leagues to choose from. The values live in
// src-main/platform/settings (SettingsStore in the main process; `jobSettings(ctx)` in a worker job).
export { settingsHandlers, type SettingsDeps } from './handlers';
export { settingsJobs, settingsOptionsJob } from './jobs';
export { exportSettings, readSettingsFile } from './transfer';
