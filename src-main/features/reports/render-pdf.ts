// The PDF writer (pdfkit): a title band, KPI tiles against their targets, the charts as embedded
// vector SVG (ECharts SSR → svg-to-pdfkit), then each table with its header repeated on every page,
// reasons and warnings on their own line under a pick, and page numbers.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { zonedMinute } from '../../../src-shared/domain/zoned-time';
import { chartSvg } from './charts';
import type { Kpi, ReportColumn, ReportDoc, ReportTable } from './document';
import { cellText } from './format';
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, PAGE, reportFonts } from './pdf-layout';

type Doc = PDFKit.PDFDocument;

const NUMERIC = new Set(['integer', 'number', 'odds', 'percent', 'money']);
const ROW_H = 13;
const CELL_PAD = 3;
const TABLE_FONT = 7.2;

/** Cuts text to fit `width` at the current font, with an ellipsis. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function header(doc: Doc, r: ReportDoc): void {
  const x = PAGE.margin;
  doc.rect(0, 0, PAGE.width, 6).fill(COLOR.accent);
  doc
    .fillColor(COLOR.ink)
    .font(FONT.bold)
    .fontSize(18)
    .text(r.title, x, PAGE.margin - 8, { width: CONTENT_WIDTH });
  doc.font(FONT.body).fontSize(9.5).fillColor(COLOR.muted).text(r.subtitle, { width: CONTENT_WIDTH });
  const asOf = r.dataAsOf ? `data as of ${zonedMinute(r.dataAsOf, r.timeZone)}` : 'the cache was never synced';
  doc
    .fontSize(7.5)
    .text(`Mon_PS Desk · generated ${zonedMinute(r.generatedAt, r.timeZone)} (${r.timeZone}) · ${asOf}`, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
}

function kpiTiles(doc: Doc, kpis: readonly Kpi[]): void {
  const perRow = 4;
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const h = 54;
  let y = doc.y;
  kpis.forEach((k, i) => {
    const col = i % perRow;
    if (i > 0 && col === 0) y += h + gap;
    const x = PAGE.margin + col * (w + gap);
    doc.roundedRect(x, y, w, h, 3).fillAndStroke(COLOR.band, COLOR.rule);
    doc
      .fillColor(COLOR.muted)
      .font(FONT.body)
      .fontSize(7.2)
      .text(fit(doc, k.label.toUpperCase(), w - 12), x + 6, y + 5, { lineBreak: false });
    // the value may take two lines (an ROI with its interval and its count)
    doc.fillColor(COLOR.ink).font(FONT.bold).fontSize(8.8);
    doc.text(k.value, x + 6, y + 15, { width: w - 12, height: 24, ellipsis: true });
    if (k.target) {
      const color = k.status === 'met' ? COLOR.met : k.status === 'missed' ? COLOR.missed : COLOR.muted;
      const mark = k.status === 'met' ? '✓ ' : k.status === 'missed' ? '✗ ' : '';
      doc
        .fillColor(color)
        .font(FONT.body)
        .fontSize(7.2)
        .text(`${mark}target ${k.target}`, x + 6, y + 41, { lineBreak: false });
    }
  });
  doc.x = PAGE.margin;
  doc.y = y + h + 12;
}

function charts(doc: Doc, r: ReportDoc): void {
  const gap = 12;
  const w = (CONTENT_WIDTH - gap) / 2;
  const h = 190;
  for (let i = 0; i < r.charts.length; i += 2) {
    if (doc.y + h > CONTENT_BOTTOM) doc.addPage();
    const y = doc.y;
    r.charts.slice(i, i + 2).forEach((c, k) => {
      const x = PAGE.margin + k * (w + gap);
      doc.rect(x, y, w, h).lineWidth(0.5).stroke(COLOR.rule);
      SVGtoPDF(doc, chartSvg(c, Math.round(w), h), x, y, {
        width: w,
        height: h,
        assumePt: true,
        // ECharts lays text out with Helvetica-like metrics: the standard font fits its boxes (chart text is ASCII)
        fontCallback: (_family: string, bold: boolean) => (bold ? 'Helvetica-Bold' : 'Helvetica'),
      });
    });
    doc.x = PAGE.margin;
    doc.y = y + h + 12;
  }
}

function columnLayout(t: ReportTable): { cols: ReportColumn[]; widths: number[]; details: ReportColumn[] } {
  const cols = t.columns.filter((c) => !c.detail && (c.weight ?? 1) > 0);
  const total = cols.reduce((s, c) => s + (c.weight ?? 1), 0);
  return { cols, widths: cols.map((c) => (CONTENT_WIDTH * (c.weight ?? 1)) / total), details: t.columns.filter((c) => c.detail) };
}

function headerRow(doc: Doc, cols: readonly ReportColumn[], widths: readonly number[]): void {
  const y = doc.y;
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, ROW_H + 1).fill(COLOR.band);
  doc.fillColor(COLOR.ink).font(FONT.bold).fontSize(TABLE_FONT);
  let x = PAGE.margin;
  cols.forEach((c, i) => {
    const w = widths[i] - 2 * CELL_PAD;
    doc.text(fit(doc, c.header, w), x + CELL_PAD, y + 3.5, { width: w, align: NUMERIC.has(c.kind) ? 'right' : 'left', lineBreak: false });
    x += widths[i];
  });
  doc.y = y + ROW_H + 1;
}

/** Reasons, warnings, explanations: a line of their own under the row. */
function detailLines(row: Record<string, unknown>, details: readonly ReportColumn[]): { text: string; warn: boolean }[] {
  return details
    .filter((c) => row[c.key] !== null && row[c.key] !== undefined && row[c.key] !== '')
    .map((c) => ({ text: `${c.header}: ${String(row[c.key])}`, warn: c.detail === 'warning' }));
}

function table(doc: Doc, t: ReportTable, timeZone: string): void {
  if (t.pdfLimit === 0) return;
  if (doc.y + 60 > CONTENT_BOTTOM) doc.addPage();
  doc.fillColor(COLOR.ink).font(FONT.bold).fontSize(12).text(t.title, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor(COLOR.muted).font(FONT.body).fontSize(7.8).text(t.description, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  if (t.rows.length === 0) {
    doc.fillColor(COLOR.muted).fontSize(8.5).text(t.emptyText, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(1.2);
    return;
  }
  const { cols, widths, details } = columnLayout(t);
  const rows = t.pdfLimit !== undefined ? t.rows.slice(0, t.pdfLimit) : t.rows;
  headerRow(doc, cols, widths);
  rows.forEach((row, r) => {
    const extra = detailLines(row, details);
    doc.font(FONT.body).fontSize(TABLE_FONT - 0.4);
    const extraH = extra.reduce((s, e) => s + doc.heightOfString(e.text, { width: CONTENT_WIDTH - 2 * CELL_PAD - 10 }) + 1.5, 0);
    if (doc.y + ROW_H + extraH > CONTENT_BOTTOM) {
      doc.addPage();
      headerRow(doc, cols, widths);
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(PAGE.margin, y, CONTENT_WIDTH, ROW_H + extraH).fill(COLOR.zebra);
    doc.fillColor(COLOR.ink).font(FONT.body).fontSize(TABLE_FONT);
    let x = PAGE.margin;
    cols.forEach((c, i) => {
      const w = widths[i] - 2 * CELL_PAD;
      const text = fit(doc, cellText(row[c.key], c, timeZone), w);
      doc.text(text, x + CELL_PAD, y + 3, { width: w, align: NUMERIC.has(c.kind) ? 'right' : 'left', lineBreak: false });
      x += widths[i];
    });
    let dy = y + ROW_H;
    for (const e of extra) {
      doc
        .fillColor(e.warn ? COLOR.warning : COLOR.muted)
        .font(e.warn ? FONT.bold : FONT.body)
        .fontSize(TABLE_FONT - 0.4);
      doc.text(e.text, PAGE.margin + CELL_PAD + 10, dy, { width: CONTENT_WIDTH - 2 * CELL_PAD - 10 });
      dy = doc.y + 1.5;
    }
    doc
      .moveTo(PAGE.margin, y + ROW_H + extraH)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y + ROW_H + extraH)
      .lineWidth(0.3)
      .stroke(COLOR.rule);
    doc.x = PAGE.margin;
    doc.y = y + ROW_H + extraH;
  });
  if (rows.length < t.rows.length)
    doc
      .fillColor(COLOR.muted)
      .font(FONT.body)
      .fontSize(7.8)
      .text(`Showing the first ${rows.length} of ${t.rows.length} rows: the XLSX and CSV exports hold them all.`, PAGE.margin, doc.y + 3, {
        width: CONTENT_WIDTH,
      });
  doc.moveDown(1.2);
}

function notes(doc: Doc, lines: readonly string[]): void {
  if (lines.length === 0) return;
  if (doc.y + 40 > CONTENT_BOTTOM) doc.addPage();
  doc.fillColor(COLOR.ink).font(FONT.bold).fontSize(11).text('Notes', PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.font(FONT.body).fontSize(8).fillColor(COLOR.muted);
  for (const l of lines) doc.text(`• ${l}`, { width: CONTENT_WIDTH });
}

function footers(doc: Doc, r: ReportDoc): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // text below the bottom margin would make pdfkit open a new page: the footer sits in the margin
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fillColor(COLOR.muted).font(FONT.body).fontSize(7.5);
    doc.text(`Mon_PS Desk · ${r.title} · page ${i + 1} of ${range.count}`, PAGE.margin, PAGE.height - PAGE.bottom + 8, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}

export async function renderPdf(
  r: ReportDoc,
  onProgress: (message: string) => void = () => {},
): Promise<{ bytes: Uint8Array; pages: number }> {
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: PAGE.margin, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: r.title, Author: 'Mon_PS Desk', Subject: r.subtitle, CreationDate: new Date(r.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont(FONT.body, fonts.body);
  doc.registerFont(FONT.bold, fonts.bold);
  header(doc, r);
  kpiTiles(doc, r.kpis);
  onProgress('drawing the charts');
  charts(doc, r);
  onProgress('laying out the tables');
  for (const t of r.tables) table(doc, t, r.timeZone);
  notes(doc, r.notes);
  const pages = footers(doc, r);
  doc.end();
  return { bytes: await done, pages };
}
