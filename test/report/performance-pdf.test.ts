/**
 * The printable monthly report through the real pdfmake pipeline, read back with pdf.js: the
 * month's figures, the summary in words, and the 12-month trend as a table beside the chart.
 */
import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import {
  buildReport,
  byParticipant,
  monthlyTrend,
  monthPeriod,
  overall,
} from '../../src-shared/domain/report';
import { buildPerformanceReport } from '../../src-main/pdf/documents/performance-report';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { ruleTitles } from '../../src-main/services/reports/monthly-report-pdf';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { pageCount, pdfText, pdfWords, type Word } from '../pdf/pdf-reader';

/**
 * Text with each printed line kept as one line (words sharing a page and a baseline, left to
 * right), so a table row reads as one line whatever the cell widths.
 */
async function layoutText(bytes: Uint8Array): Promise<string> {
  const lines = new Map<string, Word[]>();
  for (const w of await pdfWords(bytes)) {
    const key = `${w.page}:${Math.round(w.yMax)}`;
    const line = lines.get(key) ?? [];
    line.push(w);
    lines.set(key, line);
  }
  return [...lines.values()]
    .map(
      (line) =>
        ` ${line
          .sort((a, b) => a.xMin - b.xMin)
          .map((w) => w.text)
          .join(' ')}`,
    )
    .join('\n');
}

const TODAY = '2027-06-15';
const engine = computeObligations(
  parseObligationsInput(generateCaseload(120, TODAY, 9)),
  calendarsFrom(),
).obligations;

async function render(month: string) {
  const report = buildReport(byParticipant(engine), null, { ...monthPeriod(month), today: TODAY });
  const trend = monthlyTrend(engine, month);
  const bytes = await createPdfRenderer().render(
    buildPerformanceReport({
      issuedAt: '2027-06-15T09:00:00.000Z',
      adviserName: 'Ada Adviser',
      month,
      report,
      trend,
      ruleTitles: ruleTitles(),
    }),
  );
  return {
    report,
    trend,
    bytes,
    text: (await pdfText(bytes)).replace(/\s+/g, ' '),
    layout: await layoutText(bytes),
  };
}

describe('monthly performance report PDF', () => {
  it('prints the month’s figures per promise, the summary and the trend table', async () => {
    const { report, trend, bytes, text, layout } = await render('2027-05');
    expect(await pageCount(bytes)).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Charter performance: May 2027');
    expect(text).toContain("Ada Adviser's caseload");
    const all = overall(report.rules);
    expect(all.due).toBeGreaterThan(0);
    expect(text).toContain(
      `${all.due.toLocaleString('en-GB')} charter promises fell due in May 2027`,
    );
    for (const r of report.rules) {
      const pct = r.onTimePercent === null ? 'no figure yet' : `${r.onTimePercent.toFixed(1)}%`;
      // Long rule names wrap: the figures share a line with the name's first or last part.
      const line = layout
        .split('\n')
        .find((l) =>
          new RegExp(
            ` ${r.due} +${r.met} +${r.metLate} +${r.missed} +${r.pending} +${pct.replace('.', '\\.')}$`,
          ).test(l.trimEnd()),
        );
      expect(line, `${r.rule} row`).toBeDefined();
      expect(text).toContain(`(${r.rule})`);
    }
    // The table alternative to the chart: every month with its own figures.
    for (const m of trend) {
      const o = overall(m.rules);
      expect(text).toMatch(
        new RegExp(`[A-Z][a-z]+ ${m.month.slice(0, 4)} ${o.due.toLocaleString('en-GB')} `),
      );
    }
    expect(text).toContain('June 2026');
    expect(text).not.toMatch(/met-late|pending\b|R\d+:/);
  });

  it('says so in words when nothing fell due', async () => {
    const { text } = await render('2030-01');
    expect(text).toContain('No charter promises fell due in January 2030.');
    expect(text).toContain('No charter promises fell due this month.');
  });
});
