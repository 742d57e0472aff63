/** The page never navigates away from the app: a click on a link to another origin (or a scheme
 * like file: or javascript:) opens it outside — a new browser tab, or through Electron's window-open
 * handler, which hands http(s) links to the OS browser and denies the rest. */
export function isInAppHref(href: string, here: Location = location): boolean {
  let u: URL;
  try {
    u = new URL(href, here.href);
  } catch {
    return false;
  }
  if (u.protocol !== here.protocol) return false;
  if (u.protocol === 'file:') return u.pathname === here.pathname; // Electron: only in-page anchors
  return u.origin === here.origin && u.pathname === here.pathname; // one page app: only #panel links
}

export function installLinkGuard(doc: Document = document): () => void {
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement)) return;
    const href = a.getAttribute('href') ?? '';
    if (isInAppHref(href) || isLocalDownload(a)) return;
    e.preventDefault();
    const u = safeHttpUrl(href);
    if (u) window.open(u, '_blank', 'noopener,noreferrer');
  };
  const onSubmit = (e: SubmitEvent) => e.preventDefault(); // no form ever posts the page away
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  doc.addEventListener('submit', onSubmit, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
    doc.removeEventListener('submit', onSubmit, true);
  };
}

/** A file the page itself made (grid CSV export: `<a download href="blob:…">`) saves, it does not navigate. */
export function isLocalDownload(a: Pick<HTMLAnchorElement, 'hasAttribute' | 'getAttribute'>): boolean {
  return a.hasAttribute('download') && /^(blob|data):/i.test(a.getAttribute('href') ?? '');
}

function safeHttpUrl(href: string): string | null {
  try {
    const u = new URL(href, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}
