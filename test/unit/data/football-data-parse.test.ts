import { describe, expect, it } from 'vitest';
import {
  FootballDataFormatError,
  parseDate,
  parseFootballDataFile,
  parseFootballDataText,
  seasonOf,
} from '../../../src-main/ingest/football-data/parse';
import { ukLocalToUtc } from '../../../src-main/ingest/football-data/uk-time';
import path from 'node:path';
import { footballDataDir } from '../../support/shared-data';

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,HS,AS,B365H,B365D,B365A,PSCH,Avg>2.5,AHh,PCAHH';

describe('parseFootballDataText', () => {
  it('reads BOM, CRLF, trailing .0 numbers and odds keyed by header', () => {
    const text = `\ufeff${HEADER}\r\nE0,10/08/2024,15:00,Man United,Nott'm Forest,2.0,1.0,H,1,0,H,12,8,1.8,3.6,4.5,1.85,1.9,-0.75,2.0\r\n`;
    const p = parseFootballDataText(text, 'x.csv');
    expect(p.layout).toBe('main');
    expect(p.columns[0]).toBe('Div');
    expect(p.problems).toEqual([]);
    const m = p.matches[0];
    expect(m).toMatchObject({
      line: 2,
      div: 'E0',
      season: '2024-25',
      date: '2024-08-10',
      time: '15:00',
      homeTeam: 'Man United',
      awayTeam: "Nott'm Forest",
      fthg: 2,
      ftag: 1,
      ftr: 'H',
      hthg: 1,
      htag: 0,
      htr: 'H',
    });
    expect(m.kickoff.toISOString()).toBe('2024-08-10T14:00:00.000Z'); // BST
    expect(m.stats.hs).toBe(12);
    expect(m.stats.hc).toBeNull();
    expect(m.odds).toEqual({ B365H: 1.8, B365D: 3.6, B365A: 4.5, PSCH: 1.85, 'Avg>2.5': 1.9, AHh: -0.75, PCAHH: 2 });
  });

  it('accepts dd/mm/yy, no Time column, trailing commas, blank and comma-only trailing rows', () => {
    const text = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,\nE0,14/12/13,Arsenal,Chelsea,0,0,D,2.1,\n\n,,,,,,,,\n';
    const p = parseFootballDataText(text, 'old.csv');
    expect(p.matches).toHaveLength(1);
    expect(p.matches[0].date).toBe('2013-12-14');
    expect(p.matches[0].time).toBeUndefined();
    expect(p.matches[0].kickoff.toISOString()).toBe('2013-12-14T15:00:00.000Z'); // GMT, default 15:00 UK
    expect(p.matches[0].odds).toEqual({ B365H: 2.1 });
    expect(p.columns).not.toContain('');
  });

  it('reports bad values per line without failing, and treats placeholder zeros as missing', () => {
    const text = `${HEADER}\nE0,32/08/2024,15:00,A,B,1,1,D,,,,,,2,3,4,,,,\nE0,10/08/2024,25:00,A,C,x,1,Q,,,,,,0,3,abc,,,,\n`;
    const p = parseFootballDataText(text, 'bad.csv');
    expect(p.matches).toHaveLength(1);
    const m = p.matches[0];
    expect(m.line).toBe(3);
    expect(m.fthg).toBeNull();
    expect(m.ftr).toBeNull();
    expect(m.time).toBeUndefined();
    expect(m.odds).toEqual({ B365D: 3 });
    const cols = p.problems.map((x) => `${x.line}:${x.column ?? ''}`);
    expect(cols).toEqual(expect.arrayContaining(['2:Date', '2:', '3:Time', '3:FTHG', '3:FTR', '3:B365H', '3:B365A']));
  });

  it('reports short and long rows and still reads them', () => {
    const text =
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,B365H\nE0,10/08/2024,A,B,1,0\nE0,11/08/2024,C,D,2,2,1.9,oops\nE0,12/08/2024,E,F,0,1,2.2,\n';
    const p = parseFootballDataText(text, 'ragged.csv');
    expect(p.matches.map((m) => m.homeTeam)).toEqual(['A', 'C', 'E']);
    expect(p.problems.map((x) => `${x.line}: ${x.message}`)).toEqual([
      '2: row has 6 fields, the header 7: missing cells read as blank',
      '3: row has 8 fields, the header 7: extra cells ignored',
    ]);
  });

  it('refuses a file missing required columns, naming file, columns and line', () => {
    const text = 'Div,Date,HomeTeam,FTHG\nE0,10/08/2024,A,1\n';
    expect(() => parseFootballDataText(text, 'broken.csv')).toThrow(FootballDataFormatError);
    try {
      parseFootballDataText(text, 'broken.csv');
    } catch (err) {
      const e = err as FootballDataFormatError;
      expect(e.message).toContain('broken.csv');
      expect(e.message).toContain('AwayTeam, FTAG');
      expect(e.message).toContain('line: 1');
      expect(e.missingColumns).toEqual(['AwayTeam', 'FTAG']);
    }
  });

  it('reads the extra layout (Country/Home/Away/HG/AG/Res, calendar seasons)', () => {
    const text =
      '\ufeffCountry,League,Season,Date,Time,Home,Away,HG,AG,Res,PSCH,PSCD,PSCA,B36CA\nUSA,MLS,2012,10/03/2012,23:00,Colorado Rapids,Columbus Crew,2,0,H,2.06,3.4,4.11,\n';
    const p = parseFootballDataText(text, 'USA.csv');
    expect(p.layout).toBe('extra');
    expect(p.matches[0]).toMatchObject({
      div: 'USA',
      season: '2012',
      homeTeam: 'Colorado Rapids',
      fthg: 2,
      ftag: 0,
      ftr: 'H',
      odds: { PSCH: 2.06, PSCD: 3.4, PSCA: 4.11 },
    });
    expect(p.matches[0].kickoff.toISOString()).toBe('2012-03-10T23:00:00.000Z');
  });
});

describe('dates and UK time', () => {
  it('parses and validates dates, seasons', () => {
    expect(parseDate('01/02/99')).toBe('1999-02-01');
    expect(parseDate('29/02/2023')).toBeUndefined();
    expect(seasonOf('2020-06-19')).toBe('2019-20');
    expect(seasonOf('2020-09-12')).toBe('2020-21');
  });
  it('converts around the BST changes', () => {
    expect(ukLocalToUtc('2024-03-31', '00:30').toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(ukLocalToUtc('2024-03-31', '03:00').toISOString()).toBe('2024-03-31T02:00:00.000Z');
    expect(ukLocalToUtc('2024-10-27', '00:30').toISOString()).toBe('2024-10-26T23:30:00.000Z');
    expect(ukLocalToUtc('2024-10-27', '03:00').toISOString()).toBe('2024-10-27T03:00:00.000Z');
  });
  it('keeps July matches after the COVID break in their season, and splits concatenated seasons', () => {
    const rows = ['10/08/2019', '08/03/2020', '13/06/2020', '19/07/2020', '12/09/2020', '20/05/2021'].map(
      (d, i) => `E0,${d},T${i},U${i},1,0`,
    );
    const p = parseFootballDataText(['Div,Date,HomeTeam,AwayTeam,FTHG,FTAG', ...rows].join('\n'), 'covid.csv');
    expect(p.matches.map((m) => m.season)).toEqual(['2019-20', '2019-20', '2019-20', '2019-20', '2020-21', '2020-21']);
  });

  it('reads a real file', () => {
    const p = parseFootballDataFile(path.join(footballDataDir(), 'F1_2024-25.csv'));
    expect(p.matches).toHaveLength(306);
    const nantes = p.problems.filter((x) => x.column?.startsWith('1XB'));
    expect(nantes.length).toBe(3);
  });
});
