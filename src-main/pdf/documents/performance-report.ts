/**
 * The printable monthly charter performance report: the month's figures per promise, a
 * plain-English summary, and the 12-month trend drawn as vector bars with the same numbers in a
 * table beside it (a chart is never the only way to read a figure). Pure: snapshot in,
 * definition out; the figures come from the report domain, never counted here.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ObligationRule } from '@shared/domain/charter/profile';
import {
  FIGURE_WORDS,
  overall,
  percentWords,
  summarySentences,
  type Report,
  type TrendMonth,
} from '@shared/domain/report';
import { frame, mm, para, section } from '../layout';
import { monthYear, shortDate } from '../format';

export interface PerformanceReportSnapshot {
  /** ISO instant the report was made. */
  issuedAt: string;
  adviserName: string;
  /** 'YYYY-MM' */
  month: string;
  /** The month's report. */
  report: Report;
  /** The 12 months ending with `month`. */
  trend: TrendMonth[];
  ruleTitles: Readonly<Record<ObligationRule, string>>;
}

const BAR_AREA = mm(30);
const BLUE = '#1d70b8';
const GREY = '#505a5f';

const cellRight = (text: string, bold = false) => ({ text, alignment: 'right' as const, bold });
const count = (n: number) => n.toLocaleString('en-GB');

/** One bar per month, height the on-time percentage, with its month and figure under it. */
function trendChart(trend: TrendMonth[]): Content {
  const figures = trend.map((m) => overall(m.rules).onTimePercent);
  const bar = (p: number | null): Content => {
    const h = p === null ? 0 : (BAR_AREA * p) / 100;
    return {
      canvas: [
        {
          type: 'line',
          x1: 0,
          y1: BAR_AREA,
          x2: mm(11),
          y2: BAR_AREA,
          lineWidth: 0.5,
          lineColor: GREY,
        },
        ...(p === null
          ? []
          : [{ type: 'rect' as const, x: mm(2), y: BAR_AREA - h, w: mm(7), h, color: BLUE }]),
      ],
    };
  };
  return {
    table: {
      widths: trend.map(() => '*'),
      body: [
        figures.map(bar),
        trend.map((m) => ({
          text: monthYear(m.month, 'en').slice(0, 3),
          style: 'small',
          alignment: 'center' as const,
        })),
        figures.map((p) => ({
          text: p === null ? '–' : `${Math.round(p)}%`,
          style: 'small',
          alignment: 'center' as const,
        })),
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, mm(4)],
  };
}

export function buildPerformanceReport(s: PerformanceReportSnapshot): TDocumentDefinitions {
  const monthWords = monthYear(s.month, 'en');
  const titleOf = (rule: ObligationRule) => s.ruleTitles[rule];
  const rows = s.report.rules;
  const all = overall(rows);
  const header = [
    'Promise',
    FIGURE_WORDS.due,
    FIGURE_WORDS.met,
    FIGURE_WORDS.metLate,
    FIGURE_WORDS.missed,
    FIGURE_WORDS.pending,
    'On time',
  ].map((text, i) => ({
    text,
    style: 'label',
    alignment: i ? ('right' as const) : ('left' as const),
  }));
  const figuresTable: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        header,
        ...rows.map((r) => [
          { text: `${titleOf(r.rule)} (${r.rule})` },
          cellRight(count(r.due)),
          cellRight(count(r.met)),
          cellRight(count(r.metLate)),
          cellRight(count(r.missed)),
          cellRight(count(r.pending)),
          cellRight(percentWords(r.onTimePercent)),
        ]),
        [
          { text: 'All promises', bold: true },
          cellRight(count(all.due), true),
          cellRight(count(all.met), true),
          cellRight(count(all.metLate), true),
          cellRight(count(all.missed), true),
          cellRight(count(all.pending), true),
          cellRight(percentWords(all.onTimePercent), true),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    style: 'para',
  };
  const trendTable: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [
          'Month',
          FIGURE_WORDS.due,
          FIGURE_WORDS.met,
          FIGURE_WORDS.metLate,
          FIGURE_WORDS.missed,
          FIGURE_WORDS.pending,
          'On time',
        ].map((text, i) => ({
          text,
          style: 'label',
          alignment: i ? ('right' as const) : ('left' as const),
        })),
        ...s.trend.map((m) => {
          const o = overall(m.rules);
          return [
            { text: monthYear(m.month, 'en') },
            cellRight(count(o.due)),
            cellRight(count(o.met)),
            cellRight(count(o.metLate)),
            cellRight(count(o.missed)),
            cellRight(count(o.pending)),
            cellRight(percentWords(o.onTimePercent)),
          ];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
    style: 'small',
  };
  return frame({
    title: `Charter performance, ${monthWords}`,
    author: s.adviserName,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) => `Charter performance, ${monthWords}. Page ${page} of ${pages}`,
    content: [
      { text: `Charter performance: ${monthWords}`, style: 'title' },
      para(
        `${s.adviserName}'s caseload. Figures as they stood on ${shortDate(s.report.today, 'en')}, for promises due from ${shortDate(s.report.from, 'en')} to ${shortDate(s.report.to, 'en')}.`,
      ),
      ...section('Summary', para(summarySentences(rows, `in ${monthWords}`, titleOf).join(' '))),
      ...section(
        'Each promise',
        rows.length ? figuresTable : para('No charter promises fell due this month.'),
        para(
          '"On time" is the share kept on time of the promises already decided (kept on time, kept late or missed); promises still open are not counted in it.',
        ),
      ),
      ...section(
        'The last 12 months',
        para(
          'The share of decided promises kept on time each month. The table below gives the same figures.',
        ),
        trendChart(s.trend),
        trendTable,
      ),
    ],
  });
}
