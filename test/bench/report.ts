/**
 * P11: the adviser's own charter performance report over 5,000 participants (floor 300 ms).
 * Measured three ways: from facts (the engine for every participant, then the report, as a
 * cold device computes it), the report step alone over those obligations (with the 12-month
 * trend), and through the device services over a real encrypted caseload (cold: a fresh
 * ObligationService each time; warm: its journal-checked cache, as a second look at the screen).
 */
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import { buildReport, byParticipant, monthlyTrend } from '../../src-shared/domain/report';
import { Session } from '../../src-main/app/session';
import { ObligationService } from '../../src-main/services/obligations/obligations';
import { ProfileService } from '../../src-main/services/obligations/charter-profiles';
import { DeviceReportService } from '../../src-main/services/reports/device-report';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { PASS, seededCaseload } from './caseload';
import { time, type Benchmark } from './harness';

const TODAY = '2027-06-15';
const PERIOD = { from: '2027-04-01', to: '2027-06-30', today: TODAY };

const fromFacts: Benchmark = {
  id: 'P11',
  name: "adviser's own report, 5,000 participants with two years of history: engine + report",
  async measure() {
    const input = parseObligationsInput(generateCaseload(5000, TODAY));
    const calendars = calendarsFrom();
    let rows = 0;
    const t = await time(
      () => {
        const { obligations } = computeObligations(input, calendars);
        rows = buildReport(byParticipant(obligations), null, PERIOD).rules.length;
      },
      15,
      3,
    );
    return { id: 'P11', name: this.name, n: 5000, ...pick(t), floorMs: 300, note: `${rows} rules` };
  },
};

const reportStep: Benchmark = {
  id: 'P11',
  name: 'report + 12-month trend over 5,000 participants’ obligations (counting alone)',
  async measure() {
    const input = parseObligationsInput(generateCaseload(5000, TODAY));
    const { obligations } = computeObligations(input, calendarsFrom());
    const t = await time(
      () => {
        buildReport(byParticipant(obligations), null, PERIOD);
        monthlyTrend(obligations, '2027-06');
      },
      30,
      3,
    );
    return {
      id: 'P11',
      name: this.name,
      n: 5000,
      ...pick(t),
      note: `${obligations.length} obligations`,
    };
  },
};

const throughServices: Benchmark = {
  id: 'P11',
  name: 'device report through the services, encrypted caseload of 5,000 referrals (cold / warm)',
  async measure() {
    const paths = await seededCaseload(5000);
    const session = new Session({ paths });
    await session.unlock(PASS);
    const { services } = session.require();
    const period = { from: '2026-10-01', to: '2026-12-31', today: '2026-11-23' };
    const cold = await time(async () => {
      const fresh = new ObligationService(services.wp, new ProfileService(services.wp));
      await new DeviceReportService(fresh).report(period);
    }, 7);
    const reports = new DeviceReportService(services.obligations);
    const warm = await time(() => reports.report(period), 15, 2);
    await session.lock('quit');
    return {
      id: 'P11',
      name: this.name,
      n: 5000,
      ...pick(cold),
      floorMs: 300,
      note: `warm median ${warm.medianMs} ms, p95 ${warm.p95Ms} ms`,
    };
  },
};

const pick = (t: { medianMs: number; p95Ms: number }) => ({ medianMs: t.medianMs, p95Ms: t.p95Ms });

export const reportBenchmarks: Benchmark[] = [fromFacts, reportStep, throughServices];
