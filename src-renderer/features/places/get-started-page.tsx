/**
 * The first-run guide: from a new install to a bookable diary. Each step says whether it is
 * done (read from the caseload itself, so it can never drift) and links to the screen that
 * does it: an office, then the adviser's working pattern, then a first referral, then a booking.
 */
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { hrefFor, type Route } from '../../app/router';
import { PageHeading } from '../../components/page-heading';

export interface SetupProgress {
  offices: number;
  patterns: number;
  participants: number;
  appointments: number;
}

export async function loadSetupProgress(): Promise<SetupProgress | null> {
  const [o, p, c] = await Promise.all([
    call('diary:offices', {}),
    call('diary:patterns', {}),
    call('caseload:list', { limit: 1 }),
  ]);
  if (!o.ok || !p.ok || !c.ok) return null;
  const today = new Date().toISOString().slice(0, 10);
  const far = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
  const a = await call('diary:appointments', {
    from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
    to: far,
  });
  return {
    offices: o.value.filter((x) => x.closedOn === null).length,
    patterns: p.value.length,
    participants: c.value.total,
    appointments: a.ok ? a.value.length : 0,
  };
}

/** True once an install can book: somewhere to meet and hours to meet in. */
export const isBookable = (p: SetupProgress) => p.offices > 0 && p.patterns > 0;

const STEPS: { key: keyof SetupProgress; title: string; hint: string; route: Route }[] = [
  {
    key: 'offices',
    title: 'Add your office',
    hint: 'Its address, opening hours and rooms. Add outreach venues too.',
    route: { name: 'add-place' },
  },
  {
    key: 'patterns',
    title: 'Set your working hours',
    hint: 'The days and sessions you work, with breaks. Appointments are only offered inside them.',
    route: { name: 'diary-settings' },
  },
  {
    key: 'participants',
    title: 'Add your first referral',
    hint: 'Type one in, or import a Jobcentre referral file.',
    route: { name: 'add-referral' },
  },
  {
    key: 'appointments',
    title: 'Book an induction',
    hint: 'Open the participant from your caseload and choose “Book appointment”.',
    route: { name: 'caseload' },
  },
];

export function SetupSteps({ progress }: { progress: SetupProgress }) {
  return (
    <ol className="task-list">
      {STEPS.map((s, i) => {
        const done = progress[s.key] > 0;
        return (
          <li key={s.key} className="task-list__item">
            <a
              className="task-list__link"
              href={hrefFor(s.route)}
              aria-describedby={`step-${s.key}-status`}
            >
              {i + 1}. {s.title}
            </a>
            <p className="hint">{s.hint}</p>
            <strong
              id={`step-${s.key}-status`}
              className={`task-list__status${done ? ' task-list__status--completed' : ''}`}
            >
              {done ? 'Done' : 'Not done yet'}
            </strong>
          </li>
        );
      })}
    </ol>
  );
}

export function GetStartedPage() {
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  useEffect(() => {
    let live = true;
    void loadSetupProgress().then((p) => live && setProgress(p));
    return () => {
      live = false;
    };
  }, []);
  const done = progress ? STEPS.filter((s) => progress[s.key] > 0).length : 0;
  return (
    <div className="places">
      <PageHeading>Get started</PageHeading>
      <p className="body">
        Four steps take a new caseload from nothing to a first booked induction.
        {progress && ` You have done ${done} of ${STEPS.length}.`}
      </p>
      {progress && <SetupSteps progress={progress} />}
    </div>
  );
}

/**
 * On the caseload until the install can book and has a participant: the same steps, so a new
 * adviser is never left at an empty screen wondering where offices are set up.
 */
export function FirstRunPanel() {
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  useEffect(() => {
    let live = true;
    void loadSetupProgress().then((p) => live && setProgress(p));
    return () => {
      live = false;
    };
  }, []);
  if (!progress || (isBookable(progress) && progress.participants > 0)) return null;
  return (
    <section className="places-first-run" aria-labelledby="first-run-heading">
      <h2 className="heading-m" id="first-run-heading">
        Get started
      </h2>
      <p className="body">Before you can book appointments:</p>
      <SetupSteps progress={progress} />
    </section>
  );
}
