/**
 * Connects this computer to the service with the address and one-time code a manager gives the
 * adviser. The fields are checked with the same schema the main process applies; what the
 * service says about the code or the address comes back next to that field and in the summary.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { syncChannels, type SyncNowResult } from '@shared/ipc/channels/sync';
import { call } from '../../api';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';

const enrolSchema = syncChannels['sync:enrol'].input;
type EnrolInput = z.input<typeof enrolSchema>;
type Enrol = z.output<typeof enrolSchema>;
type FieldName = keyof EnrolInput;

export const ENROL_FIELD_IDS: Record<FieldName, string> = {
  server: 'sync-server',
  code: 'sync-code',
};

/**
 * Which field a failed enrolment belongs to. The service's refusals of a code all begin "That
 * enrolment code" (src-main/sync/client.ts); anything else (no answer, another server) is about
 * the address.
 */
export function enrolProblemField(message: string): FieldName {
  return /enrolment code/i.test(message) ? 'code' : 'server';
}

export function EnrolForm({ onEnrolled }: { onEnrolled(result: SyncNowResult): void }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EnrolInput, unknown, Enrol>({
    resolver: zodResolver(enrolSchema),
    defaultValues: { server: '', code: '' },
    shouldFocusError: false,
  });
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const failed = () => setFailedSubmits((n) => n + 1);

  const onValid = async (values: Enrol) => {
    setGeneral(null);
    const result = await call('sync:enrol', values);
    if (!result.ok) {
      const field = result.error.field as FieldName | undefined;
      if (field && field in ENROL_FIELD_IDS)
        setError(field, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return failed();
    }
    // Enrolled, even if the first sync then failed: the settings screen says how that went.
    if (result.value.status.enrolled) return onEnrolled(result.value);
    const message = result.value.message ?? 'This computer could not be connected to the service';
    setError(enrolProblemField(message), { type: 'server', message });
    failed();
  };

  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...(Object.keys(ENROL_FIELD_IDS) as FieldName[]).flatMap((name) => {
      const message = errors[name]?.message;
      return message ? [{ targetId: ENROL_FIELD_IDS[name], message }] : [];
    }),
  ];

  return (
    <form
      noValidate
      aria-label="Connect to the service"
      onSubmit={(e) => void handleSubmit(onValid, failed)(e)}
    >
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      <TextInput
        id={ENROL_FIELD_IDS.server}
        label="Service address"
        hint="Your manager gives you this. For example, https://sync.example.org"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        error={errors.server?.message}
        {...register('server')}
      />
      <TextInput
        id={ENROL_FIELD_IDS.code}
        label="Enrolment code"
        hint="A one-time code from your manager. It works for one computer only."
        width="20"
        autoComplete="off"
        spellCheck={false}
        error={errors.code?.message}
        {...register('code')}
      />
      <button type="submit" className="button" disabled={isSubmitting} aria-disabled={isSubmitting}>
        {isSubmitting ? 'Connecting…' : 'Connect this computer'}
      </button>
    </form>
  );
}
