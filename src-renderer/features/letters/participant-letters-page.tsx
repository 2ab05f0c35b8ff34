/**
 * A participant's letters: choose the document and its variant, see the preview (the same
 * definition the PDF is built from), record how it is issued, issue it, then print, open or
 * save it. Below, the letter log with Reprint (byte-identical to what was sent).
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Participant } from '@shared/schemas/participant';
import {
  ISSUE_METHODS,
  NOTICE_LETTER_KINDS,
  type DocumentLanguage,
  type IssueMethod,
  type LetterLogEntry,
  type NoticeLetterKind,
} from '@shared/schemas/documents';
import {
  issueDocumentSchema,
  type InductionWindowView,
  type LetterOfferView,
  type LetterWarning,
} from '@shared/ipc/channels/documents';
import { offerForAppointment } from '@shared/domain/documents/letter-choice';
import type { ChannelInput, ChannelParsed } from '@shared/ipc/contract';
import { defaultLetterFormat, prefersWelsh } from '@shared/domain/documents/letter-format';
import type { SavedBetterOff } from '@shared/ipc/channels/better-off';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate, formatShortDate } from '../../labels';
import { DocumentActions } from './document-actions';
import { KIND_LABELS, LANGUAGE_LABELS, METHOD_LABELS } from './letter-labels';
import { LetterLog } from './letter-log';
import { PdfPreview } from './pdf-preview';
import '../../styles/letters.css';

type Kind = 'induction-letter' | 'ppep' | 'better-off-statement' | NoticeLetterKind;
const KINDS: Kind[] = ['induction-letter', 'ppep', 'better-off-statement'];
const KIND_HINTS: Record<Kind, string> = {
  'induction-letter': 'Their booked induction: where, when, what to bring and what we promise',
  ppep: 'Their latest agreed plan (or the draft, if none is agreed yet)',
  'better-off-statement': 'A better-off calculation saved on their record',
  'appointment-confirmation': 'A booked appointment: where, when, what to bring, who to contact',
  'appointment-change': 'A moved appointment: what changed and the new details',
  'missed-appointment': 'A missed appointment: we missed you, and how to book a new one',
  'exit-letter': 'They have left the programme: what happens next and keeping in touch',
  'in-work-check-in': 'They are in work: their next check-in and the support we offer',
};
const isNotice = (k: Kind): k is NoticeLetterKind =>
  (NOTICE_LETTER_KINDS as readonly string[]).includes(k);
/** Letters with a preview before they are issued (the plan and statement print what is saved). */
const hasPreview = (k: Kind) => k === 'induction-letter' || isNotice(k);

interface Loaded {
  participant: Participant;
  log: LetterLogEntry[];
  calculations: SavedBetterOff[];
  /** The notice letters that apply now, each with its appointment. */
  offers: LetterOfferView[];
}

async function load(id: string): Promise<Loaded | string> {
  const [p, log, calcs, offers] = await Promise.all([
    call('participant:get', { id }),
    call('documents:log', { participantId: id }),
    call('betterOff:list', { participantId: id }),
    call('documents:offers', { participantId: id }),
  ]);
  if (!p.ok) return p.error.message;
  if (!log.ok) return log.error.message;
  return {
    participant: p.value,
    log: log.value,
    calculations: calcs.ok ? calcs.value : [],
    offers: offers.ok ? offers.value : [],
  };
}

/** `key` names the choices it was made for, so a stale preview is never shown. */
type Preview = { key: string } & (
  | {
      text: string;
      pdfBase64: string;
      window: InductionWindowView | null;
      warnings: LetterWarning[];
    }
  | { problem: string }
);

/** The form's values; `toIssue` turns them into what 'documents:issue' takes. */
interface Values {
  kind: Kind;
  calculationId: string;
  appointmentId: string;
  largePrint: boolean;
  easyRead: boolean;
  language: DocumentLanguage;
  method: IssueMethod | '';
  outsideWindowReason: string;
  /** The induction date is outside the charter window: the reason is asked for and sent. */
  needsReason: boolean;
}
type IssueInput = ChannelInput<'documents:issue'>;
type IssueParsed = ChannelParsed<'documents:issue'>;

const IDS = {
  kind: 'letter-kind',
  calculationId: 'letter-calculation',
  method: 'letter-method',
  outsideWindowReason: 'letter-outsideWindowReason',
};

/** The options each kind takes: Easy Read is the induction letter's; the plan is English. */
function optionsFor(v: Values) {
  if (v.kind === 'induction-letter')
    return { largePrint: v.largePrint, language: v.language, easyRead: v.easyRead };
  if (isNotice(v.kind)) return { largePrint: v.largePrint, language: v.language };
  return { largePrint: v.largePrint };
}

function toIssue(participantId: string, v: Values): IssueInput {
  const common = {
    participantId,
    method: (v.method || undefined) as IssueMethod,
    options: optionsFor(v),
  };
  switch (v.kind) {
    case 'induction-letter':
      return {
        ...common,
        kind: v.kind,
        // Sent whenever the date is outside the window, so a short reason is named here.
        ...(v.needsReason ? { outsideWindowReason: v.outsideWindowReason } : {}),
      };
    case 'ppep':
      return { ...common, kind: v.kind };
    case 'better-off-statement':
      return { ...common, kind: v.kind, calculationId: v.calculationId };
    default:
      return {
        ...common,
        kind: v.kind,
        ...(v.appointmentId && v.kind !== 'exit-letter' ? { appointmentId: v.appointmentId } : {}),
      };
  }
}

export function ParticipantLettersPage({
  id,
  appointmentId,
}: {
  id: string;
  appointmentId?: string;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadedPreview, setPreview] = useState<Preview | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [issued, setIssued] = useState<LetterLogEntry | null>(null);
  const [cancelled, setCancelled] = useState(0);
  const cancelledRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    reset,
    control,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, IssueParsed>({
    resolver: schemaResolver<Values, IssueParsed>(issueDocumentSchema, (v) => toIssue(id, v), []),
    defaultValues: {
      kind: 'induction-letter',
      calculationId: '',
      appointmentId: '',
      largePrint: false,
      easyRead: false,
      language: 'en',
      method: '',
      outsideWindowReason: '',
      needsReason: false,
    },
    shouldFocusError: false,
  });
  // Focus follows the outcome of every action: a cancelled print is announced and focused too.
  useEffect(() => {
    if (cancelled > 0) cancelledRef.current?.focus();
  }, [cancelled]);

  useEffect(() => {
    let live = true;
    void load(id).then((answer) => {
      if (!live) return;
      if (typeof answer === 'string') return setProblem(answer);
      const p = answer.participant;
      setLoaded(answer);
      // The same defaults the main process uses: recorded formats and language.
      const format = defaultLetterFormat(p);
      const opened = appointmentId ? offerForAppointment(answer.offers, appointmentId) : undefined;
      reset({
        kind: opened?.kind ?? 'induction-letter',
        appointmentId: opened?.appointmentId ?? '',
        calculationId: answer.calculations[0]?.id ?? '',
        largePrint: format.largePrint,
        easyRead: format.easyRead,
        language: format.language,
        method: '',
        outsideWindowReason: '',
        needsReason: false,
      });
    });
    return () => {
      live = false;
    };
  }, [id, appointmentId, reset]);

  const [kind, apptId, largePrint, language, easyRead, method, needsReason] = useWatch({
    control,
    name: ['kind', 'appointmentId', 'largePrint', 'language', 'easyRead', 'method', 'needsReason'],
  });

  // The preview follows the choices; the plan and the statement print what is saved.
  const previewKey = `${kind} ${largePrint} ${language} ${easyRead} ${apptId}`;
  useEffect(() => {
    if (!loaded || !hasPreview(kind)) return;
    if (isNotice(kind) && kind !== 'exit-letter' && !apptId) return;
    let live = true;
    const request =
      kind === 'induction-letter'
        ? call('documents:preview', {
            participantId: id,
            kind,
            options: { largePrint, language, easyRead },
          })
        : call('documents:preview', {
            participantId: id,
            kind: kind as NoticeLetterKind,
            ...(apptId && kind !== 'exit-letter' ? { appointmentId: apptId } : {}),
            options: { largePrint, language },
          });
    void request.then((r) => {
      if (!live) return;
      setPreview(
        r.ok ? { key: previewKey, ...r.value } : { key: previewKey, problem: r.error.message },
      );
      if (r.ok && r.value.window && !r.value.window.ok) setValue('needsReason', true);
    });
    return () => {
      live = false;
    };
  }, [id, loaded, previewKey, kind, apptId, largePrint, language, easyRead, setValue]);

  if (problem)
    return (
      <>
        <PageHeading>Letters not available</PageHeading>
        <p className="body">{problem}</p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'caseload' })}>
            Back to your caseload
          </a>
        </p>
      </>
    );
  if (!loaded)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  const preview = loadedPreview?.key === previewKey ? loadedPreview : null;
  const p = loaded.participant;
  const name = `${p.givenName} ${p.familyName}`;
  const welshOffered = prefersWelsh(p);
  // Every letter kind, with the notice letters that apply now (and only those).
  const offeredKinds = NOTICE_LETTER_KINDS.filter((k) => loaded.offers.some((o) => o.kind === k));
  const kinds: Kind[] = [...KINDS, ...offeredKinds];
  const appointmentChoices = loaded.offers.filter((o) => o.kind === kind && o.appointmentId);
  const kindChosen = (k: Kind) => {
    setIssued(null);
    const first = loaded.offers.find((o) => o.kind === k && o.appointmentId);
    // Keep the chosen appointment when it has this letter too.
    const current = getValues('appointmentId');
    if (!loaded.offers.some((o) => o.kind === k && o.appointmentId === current))
      setValue('appointmentId', first?.appointmentId ?? '');
  };

  const onValid = async (input: IssueParsed) => {
    setGeneral(null);
    setIssued(null);
    setCancelled(0);
    // Printed: the print dialog opens now, and the letter is logged only if it was printed.
    const result = await call('documents:issue', input);
    if (!result.ok) {
      const e = result.error;
      if (e.field === 'outsideWindowReason') setValue('needsReason', true);
      const field = (e.field && e.field in IDS ? e.field : 'kind') as keyof typeof IDS;
      setError(field, { type: 'server', message: e.message });
      return setFailed((n) => n + 1);
    }
    clearErrors();
    if (result.value === null) return setCancelled((n) => n + 1);
    setIssued(result.value);
    const log = await call('documents:log', { participantId: p.id });
    if (log.ok) setLoaded({ ...loaded, log: log.value });
  };

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'participant', id: p.id })}>
        Back to {name}
      </a>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      {issued && (
        <NotificationBanner key={issued.id} title="Success" success>
          <p className="notification-banner__heading">
            {issued.method === 'printed'
              ? `${KIND_LABELS[issued.kind]} printed and logged`
              : `${KIND_LABELS[issued.kind]} issued and logged (${METHOD_LABELS[issued.method].toLowerCase()})`}
          </p>
          <DocumentActions target={{ letterId: issued.id }} label={KIND_LABELS[issued.kind]} />
        </NotificationBanner>
      )}
      {cancelled > 0 && (
        <p className="inset-text body" role="status" tabIndex={-1} ref={cancelledRef}>
          The print was cancelled, so nothing was logged.
        </p>
      )}
      <PageHeading caption={name} focusOnMount={issued === null && cancelled === 0}>
        Letters and documents
      </PageHeading>
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        className="letters-form"
      >
        <Fieldset id="letter-kind" legend="Document" error={errors.kind?.message}>
          <div className="radios">
            {kinds.map((k, i) => (
              <Choice
                key={k}
                type="radio"
                id={i === 0 ? 'letter-kind' : `letter-kind-${k}`}
                label={
                  <>
                    {KIND_LABELS[k]}
                    <span className="hint letters-choice-hint">{KIND_HINTS[k]}</span>
                  </>
                }
                value={k}
                {...register('kind', { onChange: () => kindChosen(k) })}
              />
            ))}
          </div>
        </Fieldset>
        {kind === 'better-off-statement' &&
          (loaded.calculations.length > 0 ? (
            <Select
              id="letter-calculation"
              label="Saved calculation"
              error={errors.calculationId?.message}
              {...register('calculationId')}
              options={loaded.calculations.map((c) => ({
                value: c.id,
                label: `${formatShortDate(c.explainedOn)}${c.label ? `: ${c.label}` : ''} (${c.taxYear})`,
              }))}
            />
          ) : (
            <p className="body" id="letter-calculation">
              No better-off calculation is saved for {name} yet.{' '}
              <a className="link" href={hrefFor({ name: 'better-off', id: p.id })}>
                Work one out
              </a>
            </p>
          ))}
        {appointmentChoices.length > 1 && (
          <Select
            id="letter-appointment"
            label="Appointment"
            hint="The appointment the letter is about"
            {...register('appointmentId')}
            options={appointmentChoices.map((o) => ({ value: o.appointmentId!, label: o.label }))}
          />
        )}
        {appointmentChoices.length === 1 && (
          <p className="body" id="letter-appointment">
            About: {appointmentChoices[0]!.label}
          </p>
        )}
        <Fieldset
          id="letter-variant"
          legend="Format"
          hint="Set from their accessible formats. Change it only if they asked for something else."
        >
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id="letter-largePrint"
              label="Large print"
              {...register('largePrint')}
            />
            {kind === 'induction-letter' && (
              <Choice
                type="checkbox"
                id="letter-easyRead"
                label="Easy Read"
                {...register('easyRead')}
              />
            )}
          </div>
          {(kind === 'induction-letter' || isNotice(kind)) && welshOffered && (
            <Fieldset id="letter-language" legend="Language" legendSize="s">
              <div className="radios">
                {(['cy-en', 'cy', 'en'] as const).map((l, i) => (
                  <Choice
                    key={l}
                    type="radio"
                    id={i === 0 ? 'letter-language' : `letter-language-${l}`}
                    label={LANGUAGE_LABELS[l]}
                    value={l}
                    {...register('language')}
                  />
                ))}
              </div>
            </Fieldset>
          )}
        </Fieldset>

        {hasPreview(kind) && (
          <section className="letter-preview" aria-labelledby="letter-preview-title">
            <h2 className="heading-m" id="letter-preview-title">
              Preview
            </h2>
            {!preview && (
              <p className="body" role="status">
                Preparing the preview…
              </p>
            )}
            {preview && 'problem' in preview && (
              <div className="inset-text">
                <p className="body">{preview.problem}</p>
                {kind === 'induction-letter' && (
                  <p className="body">
                    <a className="link" href={hrefFor({ name: 'book-appointment', id: p.id })}>
                      Book the induction
                    </a>
                  </p>
                )}
              </div>
            )}
            {preview && 'text' in preview && (
              <>
                {preview.window && !preview.window.ok && (
                  <div className="warning-text letters-warning">
                    <strong>
                      {preview.window.problem}
                      {preview.window.deadline
                        ? ` (the charter deadline is ${formatDate(preview.window.deadline)})`
                        : ''}
                      .
                    </strong>
                  </div>
                )}
                {preview.warnings.length > 0 && (
                  <div className="warning-text letters-warning" data-testid="letter-warnings">
                    <strong>Check before you send it:</strong>
                    <ul className="list list--bullet">
                      {preview.warnings.map((w) => (
                        <li key={w.message}>{w.message}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <PdfPreview
                  pdfBase64={preview.pdfBase64}
                  text={preview.text}
                  title={`${KIND_LABELS[kind]} for ${name}`}
                />
              </>
            )}
          </section>
        )}

        {kind === 'induction-letter' && needsReason && (
          <Textarea
            id="letter-outsideWindowReason"
            label="Why this induction date is right"
            hint="The date is outside the charter window. Your reason is kept in the letter log."
            error={errors.outsideWindowReason?.message}
            {...register('outsideWindowReason')}
          />
        )}

        <Fieldset id="letter-method" legend="How it is issued" error={errors.method?.message}>
          <div className="radios">
            {ISSUE_METHODS.map((m, i) => (
              <Choice
                key={m}
                type="radio"
                id={i === 0 ? 'letter-method' : `letter-method-${m}`}
                label={METHOD_LABELS[m]}
                value={m}
                {...register('method')}
              />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button" disabled={isSubmitting}>
          {method === 'printed' ? 'Print' : 'Issue'} {KIND_LABELS[kind].toLowerCase()}
        </button>
      </form>

      <h2 className="heading-m" id="letter-log-title">
        Letter log
      </h2>
      <LetterLog
        entries={loaded.log}
        onReprinted={async () => {
          const log = await call('documents:log', { participantId: p.id });
          if (log.ok) setLoaded({ ...loaded, log: log.value });
        }}
      />
    </>
  );
}
