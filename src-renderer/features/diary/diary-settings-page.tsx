/**
 * Diary settings: the offices and their rooms, the adviser's working pattern, and "Export
 * calendar (.ics)" for the adviser's own calendar app.
 */
import { useToday } from '../../app/today';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Office } from '@shared/schemas/diary';
import {
  icsRangeSchema,
  roomSaveSchema,
  type IcsRange,
  type Room,
  type RoomSave,
  type SavedWorkingPattern,
} from '@shared/schemas/diary-settings';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { Choice, Select, TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/error-summary';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';
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

interface ExportValues {
  from: string;
  to: string;
}

const EXPORT_IDS = { from: 'ics-from', to: 'ics-to' };

function ExportCalendar() {
  const today = useToday();
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ExportValues, unknown, IcsRange>({
    resolver: schemaResolver<ExportValues, IcsRange>(
      icsRangeSchema,
      (v) => ({ from: toCivilDate(v.from), to: toCivilDate(v.to) }),
      ['from', 'to'],
    ),
    defaultValues: { from: today, to: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` },
    shouldFocusError: false,
  });
  const exportIcs = async (range: IcsRange) => {
    setGeneral(null);
    setDone(null);
    const r = await call('diary:exportIcs', range);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in EXPORT_IDS)
        setError(field as keyof ExportValues, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    const url = URL.createObjectURL(new Blob([r.value.content], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setDone(`${r.value.count} appointments exported to ${r.value.fileName}.`);
  };
  return (
    <form
      noValidate
      aria-label="Export calendar"
      className="diary-export"
      onSubmit={(e) => void handleSubmit(exportIcs, () => setFailed((n) => n + 1))(e)}
    >
      <h2 className="heading-m">Export calendar (.ics)</h2>
      <p className="body">
        For your own calendar app. Each appointment shows its kind and the participant&apos;s
        initials only.
      </p>
      <ErrorSummary errors={summaryOf(errors, EXPORT_IDS, general)} focusKey={failed} />
      {done && (
        <p className="body" role="status">
          {done}
        </p>
      )}
      <ControlledDateInput
        control={control}
        name="from"
        id={EXPORT_IDS.from}
        legend="From"
        hint="For example, 7 11 2026"
        error={errors.from?.message}
      />
      <ControlledDateInput
        control={control}
        name="to"
        id={EXPORT_IDS.to}
        legend="To"
        error={errors.to?.message}
      />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Export calendar (.ics)
      </button>
    </form>
  );
}

interface RoomValues {
  officeId: string;
  name: string;
  capacity: string;
  stepFree: boolean;
  hearingLoop: boolean;
}

const ROOM_IDS = {
  officeId: 'room-office',
  name: 'room-name',
  capacity: 'room-capacity',
  stepFree: 'room-step-free',
};

function RoomForm({ offices, onSaved }: { offices: Office[]; onSaved(): void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RoomValues, unknown, RoomSave>({
    resolver: schemaResolver<RoomValues, RoomSave>(
      roomSaveSchema,
      (v) => ({
        officeId: v.officeId,
        name: v.name,
        capacity: v.capacity.trim() === '' ? Number.NaN : Number(v.capacity.trim()),
        stepFree: v.stepFree,
        equipment: v.hearingLoop ? ['hearing-loop'] : [],
      }),
      [],
    ),
    defaultValues: {
      officeId: offices[0]!.id,
      name: '',
      capacity: '4',
      stepFree: true,
      hearingLoop: false,
    },
    shouldFocusError: false,
  });
  const save = async (room: RoomSave) => {
    setGeneral(null);
    setAdded(null);
    const r = await call('diary:saveRoom', room);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in ROOM_IDS)
        setError(field as keyof RoomValues, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    resetField('name');
    // Ready for the next room in the same office; the status says the last one was added.
    setAdded(
      `${room.name} added to ${offices.find((o) => o.id === room.officeId)?.name ?? 'the office'}.`,
    );
    setFocus('name');
    onSaved();
  };
  return (
    <form
      noValidate
      aria-label="Add a room"
      onSubmit={(e) => void handleSubmit(save, () => setFailed((n) => n + 1))(e)}
    >
      <h3 className="heading-s">Add a room</h3>
      <ErrorSummary errors={summaryOf(errors, ROOM_IDS, general)} focusKey={failed} />
      {added && (
        <p className="body" role="status">
          {added}
        </p>
      )}
      <Select
        id={ROOM_IDS.officeId}
        label="Office"
        error={errors.officeId?.message}
        options={offices.map((o) => ({ value: o.id, label: o.name }))}
        {...register('officeId')}
      />
      <TextInput
        id={ROOM_IDS.name}
        label="Room name"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextInput
        id={ROOM_IDS.capacity}
        label="Seats"
        inputMode="numeric"
        width="5"
        error={errors.capacity?.message}
        {...register('capacity')}
      />
      <Choice id={ROOM_IDS.stepFree} type="checkbox" label="Step-free" {...register('stepFree')} />
      <Choice id="room-loop" type="checkbox" label="Hearing loop" {...register('hearingLoop')} />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Add room
      </button>
    </form>
  );
}
