/** The Content-Security-Policy of every page, Electron and browser alike. Each exception says why. */
export const cspDirectives: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"], // no inline or eval'd script, ever
  // ag-grid and ECharts position elements with inline style attributes; they cannot run without this.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"], // ECharts' saveAsImage and ag-grid icons use data: URLs
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"], // the headless server's /rpc and /events; nothing else
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const contentSecurityPolicy = cspDirectives.map(([k, v]) => `${k} ${v}`).join('; ');
