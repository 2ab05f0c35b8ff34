/** The charter performance report (shared/domain/report-format.md), pure. */
export * from './report';
export { onTimePercent } from './on-time-percent';
export { RuleTally, FIGURE_OF_STATUS, countsTowards } from './rule-tally';
export {
  buildReport,
  buildReportFromCounts,
  byParticipant,
  type CountedObligations,
  type GroupOf,
  type GroupRef,
  type ObligationsByParticipant,
  type ReportOptions,
} from './build-report';
export {
  anonymiseReport,
  opaqueAdviserId,
  rowsToSuppress,
  checkMinCell,
  DEFAULT_MIN_CELL,
  type AnonymiseOptions,
} from './anonymise';
export { monthlyTrend, type TrendMonth } from './trend';
export { monthPeriod, monthsEnding, isMonth } from './months';
export {
  obligationsBehind,
  atRiskThisWeek,
  breached,
  endOfWeek,
  type FigureRef,
} from './drill-down';
export { reportCsv, REPORT_CSV_HEADER } from './csv';
export { engineObligationsByParticipant, type ParticipantInScope } from './engine-obligations';
export { FIGURE_WORDS, percentWords, overall, summarySentences } from './wording';
