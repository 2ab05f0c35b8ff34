/** Changes a participant's status: only the moves STATUS_TRANSITIONS allows from where they are. */
import { useToday } from '../../app/today';
import { useState, type FormEvent } from 'react';
import {
  EXIT_REASONS,
  STATUS_TRANSITIONS,
  statusChangeSchema,
  type Participant,
  type ParticipantStatus,
} from '@shared/schemas/participant';
import { call } from '../../api';
import { EXIT_REASON_LABELS, STATUS_LABELS } from '../../labels';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';

const IDS: Record<string, string> = {
  status: 'status-new',
  date: 'status-date',
  exitReason: 'status-exit-reason',
  note: 'status-note',
};

export function StatusForm({
  participant,
  onChanged,
}: {
  participant: Participant;
  onChanged(updated: Participant): void;
}) {
  const today = useToday();
  const allowed = STATUS_TRANSITIONS[participant.status];
  const [status, setStatus] = useState<ParticipantStatus | ''>('');
  const [date, setDate] = useState(today);
  const [exitReason, setExitReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  if (allowed.length === 0)
    return (
      <p className="body">
        {STATUS_LABELS[participant.status]} is final: the status cannot change.
      </p>
    );

  const fail = (field: string | undefined, message: string) => {
    if (field && IDS[field]) {
      setErrors({ [field]: message });
      setGeneral(null);
    } else {
      setErrors({});
      setGeneral(message);
    }
    setFailedSubmits((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!status) return fail('status', 'Choose the new status');
    const input = {
      id: participant.id,
      status,
      date: toCivilDate(date),
      exitReason: status === 'exited' && exitReason ? exitReason : undefined,
      note: note.trim() || undefined,
    };
    const parsed = statusChangeSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      return fail(
        field,
        field === 'date'
          ? 'Enter the date of the change as a real date, for example 7 11 2026'
          : issue.message,
      );
    }
    setBusy(true);
    const result = await call('participant:setStatus', parsed.data);
    setBusy(false);
    if (!result.ok) return fail(result.error.field, result.error.message);
    setErrors({});
    setGeneral(null);
    setStatus('');
    setExitReason('');
    setNote('');
    onChanged(result.value);
  };

  const summaryErrors: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...Object.entries(errors).map(([f, message]) => ({ targetId: IDS[f], message })),
  ];

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="status-form-title">
      <h2 className="heading-m" id="status-form-title">
        Change status
      </h2>
      <ErrorSummary errors={summaryErrors} focusKey={failedSubmits} />
      <Fieldset
        id={IDS.status!}
        legend={`New status (now ${STATUS_LABELS[participant.status].toLowerCase()})`}
        error={errors.status}
        legendSize="s"
      >
        <div className="radios radios--small">
          {allowed.map((s, i) => (
            <Choice
              key={s}
              type="radio"
              name="status"
              id={i === 0 ? IDS.status! : `${IDS.status}-${s}`}
              label={STATUS_LABELS[s]}
              value={s}
              checked={status === s}
              onChange={() => setStatus(s)}
            />
          ))}
        </div>
      </Fieldset>
      {status === 'exited' && (
        <Select
          id={IDS.exitReason!}
          label="Reason for exit"
          error={errors.exitReason}
          value={exitReason}
          onChange={(e) => setExitReason(e.target.value)}
          options={[
            { value: '', label: 'Choose a reason' },
            ...EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] })),
          ]}
        />
      )}
      <DateInput
        id={IDS.date!}
        legend="Date of the change"
        hint="For example, 7 11 2026"
        error={errors.date}
        value={date}
        onChange={setDate}
      />
      <Textarea
        id={IDS.note!}
        label="Note (optional)"
        rows={2}
        error={errors.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        Change status
      </button>
    </form>
  );
}
