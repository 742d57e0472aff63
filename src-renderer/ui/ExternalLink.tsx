import type { ReactNode } from 'react';

/** A link out of the app; the link guard opens it outside (browser tab or the OS browser). */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
