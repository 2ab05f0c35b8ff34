/**
 * Diary settings: the offices and their rooms, the adviser's working pattern, and "Export
 * calendar (.ics)" for the adviser's own calendar app.
 */
import { useToday } from '../../app/today';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Office } from '@shared/schemas/diary';
import type { Room, SavedWorkingPattern } from '@shared/schemas/diary-settings';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { Choice, Select, TextInput } from '../../components/fields';
import { FormProblem } from '../meetings/form-problem';
import { BankHolidays } from './bank-holidays';
import { WEEKDAY_NAMES } from '../places/opening-hours-text';
import { PatternForm } from './pattern-form';
import '../../styles/diary.css';

/** Working patterns cover the working week: the first five of the one weekday table. */
const WEEKDAYS = WEEKDAY_NAMES.slice(0, 5);

const fetchSettings = () =>
  Promise.all([call('diary:offices', {}), call('diary:rooms', {}), call('diary:patterns', {})]);

export function DiarySettingsPage() {
  const today = useToday();
  const [offices, setOffices] = useState<Office[]>([]);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [patterns, setPatterns] = useState<SavedWorkingPattern[] | null>(null);
  const loaded = patterns !== null;
  // The pattern in force today (the latest that has started), else the next to start.
  const current =
    [...(patterns ?? [])]
      .filter((p) => p.effectiveFrom <= today && (p.effectiveTo === null || p.effectiveTo >= today))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ??
    patterns?.[patterns.length - 1];
  const apply = useCallback(([o, r, p]: Awaited<ReturnType<typeof fetchSettings>>) => {
    if (o.ok) setOffices(o.value);
    if (r.ok) setRooms(r.value);
    if (p.ok) setPatterns(p.value);
  }, []);
  useEffect(() => {
    let live = true;
    void fetchSettings().then((all) => live && apply(all));
    return () => {
      live = false;
    };
  }, [apply]);
  const load = useCallback(() => fetchSettings().then(apply), [apply]);

  return (
    <div className="diary">
      <PageHeading>Diary settings</PageHeading>
      <p className="body">
        <a className="link" href={hrefFor({ name: 'adviser-leave' })}>
          Your leave
        </a>
      </p>
      <ExportCalendar />
      <h2 className="heading-m">Offices and rooms</h2>
      {offices.length === 0 && (
        <p className="body">
          No offices yet.{' '}
          <a className="link" href={hrefFor({ name: 'add-place' })}>
            Add an office or venue
          </a>{' '}
          before adding rooms.
        </p>
      )}
      {offices.map((o) => (
        <section key={o.id} aria-label={o.name} className="diary-office">
          <h3 className="heading-s">
            {o.name} {o.kind === 'outreach' ? '(outreach venue)' : ''}
          </h3>
          <ul className="list">
            {WEEKDAYS.map(([k, label]) => (
              <li key={k}>
                {label}:{' '}
                {(o.openingHours[k] ?? []).map(([a, b]) => `${a}–${b}`).join(', ') || 'closed'}
              </li>
            ))}
          </ul>
          <p className="body">
            Rooms:{' '}
            {rooms
              .filter((r) => r.officeId === o.id)
              .map(
                (r) =>
                  `${r.name} (seats ${r.capacity}${r.stepFree ? ', step-free' : ''}${r.equipment.includes('hearing-loop') ? ', hearing loop' : ''})`,
              )
              .join('; ') || 'none listed'}
          </p>
        </section>
      ))}
      {offices.length > 0 && <RoomForm offices={offices} onSaved={load} />}
      {loaded && (
        <PatternForm
          current={current}
          today={today}
          onSave={async (pattern) => {
            const r = await call('diary:savePattern', pattern);
            if (!r.ok) return r.error;
            await load();
            return null;
          }}
        />
      )}
      <BankHolidays today={today} />
    </div>
  );
}

function ExportCalendar() {
  const today = useToday();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const exportIcs = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('diary:exportIcs', { from: from.trim(), to: to.trim() });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    const url = URL.createObjectURL(new Blob([r.value.content], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setDone(`${r.value.count} appointments exported to ${r.value.fileName}.`);
  };
  return (
    <form onSubmit={exportIcs} noValidate aria-label="Export calendar" className="diary-export">
      <h2 className="heading-m">Export calendar (.ics)</h2>
      <p className="body">
        For your own calendar app. Each appointment shows its kind and the participant&apos;s
        initials only.
      </p>
      <FormProblem problem={problem} />
      {done && (
        <p className="body" role="status">
          {done}
        </p>
      )}
      <TextInput
        id="ics-from"
        label="From (YYYY-MM-DD)"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        width="10"
      />
      <TextInput
        id="ics-to"
        label="To (YYYY-MM-DD)"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        width="10"
      />
      <button type="submit" className="button button--secondary">
        Export calendar (.ics)
      </button>
    </form>
  );
}

function RoomForm({ offices, onSaved }: { offices: Office[]; onSaved(): void }) {
  const [officeId, setOfficeId] = useState(offices[0]!.id);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('4');
  const [stepFree, setStepFree] = useState(true);
  const [loop, setLoop] = useState(false);
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('diary:saveRoom', {
      officeId,
      name,
      capacity: Number(capacity),
      stepFree,
      equipment: loop ? ['hearing-loop'] : [],
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setName('');
    onSaved();
  };
  return (
    <form onSubmit={save} noValidate aria-label="Add a room">
      <h3 className="heading-s">Add a room</h3>
      <FormProblem problem={problem} />
      <Select
        id="room-office"
        label="Office"
        value={officeId}
        onChange={(e) => setOfficeId(e.target.value)}
        options={offices.map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextInput
        id="room-name"
        label="Room name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextInput
        id="room-capacity"
        label="Seats"
        inputMode="numeric"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        width="5"
      />
      <Choice
        id="room-step-free"
        type="checkbox"
        label="Step-free"
        checked={stepFree}
        onChange={(e) => setStepFree(e.target.checked)}
      />
      <Choice
        id="room-loop"
        type="checkbox"
        label="Hearing loop"
        checked={loop}
        onChange={(e) => setLoop(e.target.checked)}
      />
      <button type="submit" className="button button--secondary">
        Add room
      </button>
    </form>
  );
}
