// Page geometry and fonts of the PDF report: A4 landscape, DejaVu Sans embedded (every team name
// prints, whatever its alphabet; pdfkit subsets it, so the file stays small).
import { createRequire } from 'node:module';
import path from 'node:path';

export const PAGE = { width: 841.89, height: 595.28, margin: 36, bottom: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const CONTENT_BOTTOM = PAGE.height - PAGE.bottom - 14;

export const COLOR = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  rule: '#c9d1db',
  band: '#eef2f6',
  zebra: '#f7f9fb',
  met: '#2e7d4f',
  missed: '#b03a2e',
  warning: '#9c2b1f',
  accent: '#2f6fb2',
} as const;

export const FONT = { body: 'body', bold: 'bold' } as const;

let fontFiles: { body: string; bold: string } | undefined;

/** The TrueType files of DejaVu Sans, from the dejavu-fonts-ttf package. */
export function reportFonts(): { body: string; bold: string } {
  if (!fontFiles) {
    const dir = path.join(path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = { body: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf') };
  }
  return fontFiles;
}
