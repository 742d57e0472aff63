// The IPC channels. Kept free of imports so the sandboxed preload bundles nothing else.
export const IPC_INVOKE = 'monps:invoke';
export const IPC_EVENT = 'monps:event';
/** One file's bytes into the desk's import folder (the HTTP server's POST /upload/imports/<name>). */
export const IPC_UPLOAD = 'monps:upload';
