// Reading a report back as a person would: the PDF's text (pdftotext), its pages as PNG images
// (pdftoppm, kept in test-results/ to look at), and the ledger figures recomputed from the fixture.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, type Image } from '../../support/png';
import type { FixturePick } from '../../support/report-cache';

export const PDFTOPPM = '/usr/bin/pdftoppm';

export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

/** The pages as PNG files (kept under test-results/<name>/) and decoded. */
export function pdfPages(file: string, name: string, dpi = 60): { files: string[]; images: Image[] } {
  const dir = path.join('test-results', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(PDFTOPPM, ['-png', '-r', String(dpi), file, path.join(dir, 'page')]);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
  return { files, images: files.map((f) => decodePng(fs.readFileSync(f))) };
}

/** Profit of a settled pick as the bookmaker pays it (independent of src-shared/quant). */
export function paidProfit(p: FixturePick): number {
  if (p.profit !== null) return p.profit;
  const o = p.odds;
  const perUnit = { won: o - 1, half_won: (o - 1) / 2, void: 0, half_lost: -0.5, lost: -1 }[p.result!];
  return p.stake * perUnit;
}

export function ledgerOf(picks: readonly FixturePick[]): { bets: number; staked: number; profit: number; roi: number; meanClv: number } {
  const bets = picks.filter((p) => p.result !== null && p.stake > 0);
  const staked = bets.reduce((s, p) => s + p.stake, 0);
  const profit = bets.reduce((s, p) => s + paidProfit(p), 0);
  const clvs = bets.filter((p) => p.clv !== null).map((p) => p.clv!);
  return { bets: bets.length, staked, profit, roi: profit / staked, meanClv: clvs.reduce((s, c) => s + c, 0) / clvs.length };
}

/** As the report prints a percentage: one decimal, a real minus sign. */
export const printedPct = (x: number, decimals = 1): string =>
  `${x < 0 ? '\u2212' : x > 0 ? '+' : ''}${Math.abs(x * 100).toFixed(decimals)}%`;
