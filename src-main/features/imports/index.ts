// The desk's import folder (<data dir>/imports): uploads from the window, its listing, and the
// football-data importer run over its files.
export { importsHandlers, namedByFile } from './handlers';
export { listImports } from './list';
export { safeImportName } from './names';
export { importFolder, saveImport, UploadTooLarge, type UploadOptions } from './upload';
