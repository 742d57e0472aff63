// A file the page made, saved by the browser's download (in the desktop app, Electron turns the
// download into a save dialog: see src-main/electron/downloads.ts).
export function saveBytes(bytes: Uint8Array | string, fileName: string, mimeType: string, doc: Document = document): void {
  const blob = new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // the download has its own reference to the blob; ours can go once the click was handled
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
