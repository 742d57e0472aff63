// The two IPC channels. Kept free of imports so the sandboxed preload bundles nothing else.
export const IPC_INVOKE = 'monps:invoke';
export const IPC_EVENT = 'monps:event';
