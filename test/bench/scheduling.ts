/** P3: the scheduling engine over a whole caseload, and for one participant. */
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { time, type Benchmark } from './harness';

const TODAY = '2027-06-15';

const setup = () => ({
  input: parseObligationsInput(generateCaseload(5000, TODAY)),
  calendars: calendarsFrom(),
});

const caseload: Benchmark = {
  id: 'P3',
  name: 'obligations for 5,000 participants with two years of history',
  async measure() {
    const { input, calendars } = setup();
    let count = 0;
    const t = await time(
      () => {
        count = computeObligations(input, calendars).obligations.length;
      },
      15,
      3,
    );
    return {
      id: 'P3',
      name: this.name,
      n: 5000,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 300,
      note: `${count} obligations`,
    };
  },
};

const oneParticipant: Benchmark = {
  id: 'P3',
  name: 'obligations for one participant with two years of history',
  async measure() {
    const { input, calendars } = setup();
    // Cycle through real participants so no single shape is measured.
    const singles = input.participants.slice(0, 500).map((p) => ({ ...input, participants: [p] }));
    let i = 0;
    const t = await time(
      () => computeObligations(singles[i++ % singles.length]!, calendars),
      2000,
      200,
    );
    return { id: 'P3', name: this.name, n: 1, medianMs: t.medianMs, p95Ms: t.p95Ms, floorMs: 2 };
  },
};

export const schedulingBenchmarks: Benchmark[] = [caseload, oneParticipant];
