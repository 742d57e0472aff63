// Settings and secrets (see store.ts for how the main process and worker jobs read them).
export { SettingsStore, jobSettings, type SettingsListener } from './store';
export { settingsCommission, jobCommission } from './commission';
export { settingsFileIn, loadSettings, readRawSettings, writeRawSettings, resolveSettings, mergeDeep } from './file';
export { fileSecrets, type SecretStore, type SecretName } from './secrets';
