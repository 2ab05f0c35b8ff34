/**
 * Life events the participant tells us about (R15). A job start asks for employer, hours and
 * wage, moves them into work (in-work support, R14) and offers the better-off calculation (R11).
 */
import { useToday } from '../../app/today';
import { useState, type FormEvent } from 'react';
import type { LifeEvent } from '@shared/schemas/meeting';
import { LIFE_EVENT_KINDS, type LifeEventKind } from '@shared/schemas/timeline-events';
import { formatPence, parsePounds } from '@shared/domain/travel-claims';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { formatDate } from '../../labels';
import { Select, TextInput, Textarea } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { LIFE_EVENT_LABELS } from './meeting-labels';
import { FormProblem } from './form-problem';

export function LifeEvents({
  participantId,
  events,
  onSaved,
}: {
  participantId: string;
  events: LifeEvent[];
  onSaved(): void;
}) {
  const today = useToday();
  const [kind, setKind] = useState<LifeEventKind>('job-start');
  const [date, setDate] = useState(today);
  const [employer, setEmployer] = useState('');
  const [hours, setHours] = useState('');
  const [wage, setWage] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);
  const [started, setStarted] = useState(false);
  const job = kind === 'job-start';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wagePence = wage ? parsePounds(wage) : null;
    if (wage && wagePence === null)
      return setProblem({ message: 'Enter the hourly wage in pounds, like 12.71' });
    const hoursNumber = hours ? Number(hours) : null;
    if (hours && !Number.isFinite(hoursNumber))
      return setProblem({ message: 'Enter hours a week as a number' });
    const r = await call('meetings:lifeEvent', {
      participantId,
      kind,
      date: toCivilDate(date),
      employer: job || kind === 'job-end' ? employer : '',
      hoursPerWeek: job || kind === 'hours-change' ? hoursNumber : null,
      hourlyWagePence: job ? wagePence : null,
      note,
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setStarted(job);
    setEmployer('');
    setHours('');
    setWage('');
    setNote('');
    onSaved();
  };

  return (
    <section className="meeting-section" aria-labelledby="life-events-title">
      <h2 className="heading-m" id="life-events-title">
        Life events
      </h2>
      {started && (
        <p className="body">
          In-work support has started.{' '}
          <a className="link" href={hrefFor({ name: 'better-off', id: participantId })}>
            Work out how much better off they will be in work
          </a>
        </p>
      )}
      {events.length > 0 && (
        <ul className="list list--bullet">
          {events.map((e) => (
            <li key={e.id}>
              {formatDate(e.date)}: {LIFE_EVENT_LABELS[e.kind]}
              {e.employer ? `, ${e.employer}` : ''}
              {e.hoursPerWeek !== null ? `, ${e.hoursPerWeek} hours a week` : ''}
              {e.hourlyWagePence !== null ? ` at ${formatPence(e.hourlyWagePence)} an hour` : ''}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-label="Record a life event">
        <FormProblem problem={problem} />
        <Select
          id="life-kind"
          label="What happened"
          value={kind}
          options={LIFE_EVENT_KINDS.map((k) => ({ value: k, label: LIFE_EVENT_LABELS[k] }))}
          onChange={(e) => setKind(e.target.value as LifeEventKind)}
        />
        <DateInput id="life-date" legend="Date" value={date} onChange={setDate} />
        {(job || kind === 'job-end') && (
          <TextInput
            id="life-employer"
            label="Employer"
            value={employer}
            onChange={(e) => setEmployer(e.target.value)}
          />
        )}
        {(job || kind === 'hours-change') && (
          <TextInput
            id="life-hours"
            label="Hours a week"
            width="5"
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        )}
        {job && (
          <TextInput
            id="life-wage"
            label="Hourly wage (£)"
            width="5"
            inputMode="decimal"
            value={wage}
            onChange={(e) => setWage(e.target.value)}
          />
        )}
        <Textarea
          id="life-note"
          label="Note (optional)"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          Record life event
        </button>
      </form>
    </section>
  );
}
