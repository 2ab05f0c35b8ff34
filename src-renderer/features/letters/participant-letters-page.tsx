/**
 * A participant's letters: choose the document and its variant, see the preview (the same
 * definition the PDF is built from), record how it is issued, issue it, then print, open or
 * save it. Below, the letter log with Reprint (byte-identical to what was sent).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Participant } from '@shared/schemas/participant';
import {
  ISSUE_METHODS,
  NOTICE_LETTER_KINDS,
  type DocumentLanguage,
  type IssueMethod,
  type LetterLogEntry,
  type NoticeLetterKind,
} from '@shared/schemas/documents';
import type {
  InductionWindowView,
  LetterOfferView,
  LetterWarning,
} from '@shared/ipc/channels/documents';
import { defaultLetterFormat, prefersWelsh } from '@shared/domain/documents/letter-format';
import type { SavedBetterOff } from '@shared/ipc/channels/better-off';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea } from '../../components/fields';
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

/** The letter a link from one appointment opens on: missed, changed, in work, else confirmed. */
const FIRST_FOR_APPOINTMENT: NoticeLetterKind[] = [
  'missed-appointment',
  'appointment-change',
  'in-work-check-in',
  'appointment-confirmation',
];
function offerFor(offers: LetterOfferView[], appointmentId: string): LetterOfferView | undefined {
  for (const kind of FIRST_FOR_APPOINTMENT) {
    const offer = offers.find((o) => o.kind === kind && o.appointmentId === appointmentId);
    if (offer) return offer;
  }
  return undefined;
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

export function ParticipantLettersPage({
  id,
  appointmentId,
}: {
  id: string;
  appointmentId?: string;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('induction-letter');
  const [calcId, setCalcId] = useState('');
  const [apptId, setApptId] = useState('');
  const [largePrint, setLargePrint] = useState(false);
  const [easyRead, setEasyRead] = useState(false);
  const [language, setLanguage] = useState<DocumentLanguage>('en');
  const [method, setMethod] = useState<IssueMethod | ''>('');
  const [reason, setReason] = useState('');
  const [needsReason, setNeedsReason] = useState(false);
  const [loadedPreview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<LetterLogEntry | null>(null);
  const [cancelled, setCancelled] = useState(0);
  const cancelledRef = useRef<HTMLParagraphElement>(null);
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
      setLargePrint(format.largePrint);
      setEasyRead(format.easyRead);
      setLanguage(format.language);
      setCalcId(answer.calculations[0]?.id ?? '');
      const opened = appointmentId ? offerFor(answer.offers, appointmentId) : undefined;
      if (opened) {
        setKind(opened.kind);
        setApptId(opened.appointmentId ?? '');
      }
    });
    return () => {
      live = false;
    };
  }, [id, appointmentId]);

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
      if (r.ok && r.value.window && !r.value.window.ok) setNeedsReason(true);
    });
    return () => {
      live = false;
    };
  }, [id, loaded, previewKey, kind, apptId, largePrint, language, easyRead]);

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
  const chooseKind = (k: Kind) => {
    setKind(k);
    setIssued(null);
    const first = loaded.offers.find((o) => o.kind === k && o.appointmentId);
    // Keep the chosen appointment when it has this letter too.
    if (!loaded.offers.some((o) => o.kind === k && o.appointmentId === apptId))
      setApptId(first?.appointmentId ?? '');
  };

  const showProblems = (list: { field: string; message: string }[]) => {
    setErrors(list.map((x) => ({ targetId: `letter-${x.field}`, message: x.message })));
    setFieldErrors(Object.fromEntries(list.map((x) => [x.field, x.message])));
    setFailed((n) => n + 1);
  };

  const fromServer = (e: IpcError) => {
    if (e.field === 'outsideWindowReason') setNeedsReason(true);
    const field = ['outsideWindowReason', 'method'].includes(e.field ?? '') ? e.field! : 'kind';
    showProblems([{ field, message: e.message }]);
  };

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    const list: { field: string; message: string }[] = [];
    if (!method) list.push({ field: 'method', message: 'Choose how the document is issued' });
    if (kind === 'better-off-statement' && !calcId)
      list.push({ field: 'calculation', message: 'Choose a saved better-off calculation' });
    if (kind === 'induction-letter' && needsReason && reason.trim().length < 10)
      list.push({
        field: 'outsideWindowReason',
        message: 'Say why this induction date is right, in at least 10 characters',
      });
    if (list.length) return showProblems(list);
    setBusy(true);
    setIssued(null);
    setCancelled(0);
    const how = method as IssueMethod;
    const options =
      kind === 'induction-letter'
        ? { largePrint, language, easyRead }
        : isNotice(kind)
          ? { largePrint, language }
          : { largePrint };
    // Printed: the print dialog opens now, and the letter is logged only if it was printed.
    const result =
      kind === 'induction-letter'
        ? await call('documents:issue', {
            kind,
            participantId: p.id,
            method: how,
            options,
            ...(needsReason && reason.trim() ? { outsideWindowReason: reason.trim() } : {}),
          })
        : kind === 'ppep'
          ? await call('documents:issue', { kind, participantId: p.id, method: how, options })
          : kind === 'better-off-statement'
            ? await call('documents:issue', {
                kind,
                participantId: p.id,
                method: how,
                options,
                calculationId: calcId,
              })
            : await call('documents:issue', {
                kind,
                participantId: p.id,
                method: how,
                options,
                ...(apptId && kind !== 'exit-letter' ? { appointmentId: apptId } : {}),
              });
    setBusy(false);
    if (!result.ok) return fromServer(result.error);
    setErrors([]);
    setFieldErrors({});
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
      <ErrorSummary errors={errors} focusKey={failed} />
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
      <form noValidate onSubmit={(e) => void issue(e)} className="letters-form">
        <Fieldset id="letter-kind" legend="Document" error={fieldErrors.kind}>
          <div className="radios">
            {kinds.map((k, i) => (
              <Choice
                key={k}
                type="radio"
                name="letter-kind"
                id={i === 0 ? 'letter-kind' : `letter-kind-${k}`}
                label={
                  <>
                    {KIND_LABELS[k]}
                    <span className="hint letters-choice-hint">{KIND_HINTS[k]}</span>
                  </>
                }
                checked={kind === k}
                onChange={() => chooseKind(k)}
              />
            ))}
          </div>
        </Fieldset>
        {kind === 'better-off-statement' &&
          (loaded.calculations.length > 0 ? (
            <Select
              id="letter-calculation"
              label="Saved calculation"
              error={fieldErrors.calculation}
              value={calcId}
              onChange={(e) => setCalcId(e.target.value)}
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
            value={apptId}
            onChange={(e) => setApptId(e.target.value)}
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
              checked={largePrint}
              onChange={(e) => setLargePrint(e.target.checked)}
            />
            {kind === 'induction-letter' && (
              <Choice
                type="checkbox"
                id="letter-easyRead"
                label="Easy Read"
                checked={easyRead}
                onChange={(e) => setEasyRead(e.target.checked)}
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
                    name="letter-language"
                    id={i === 0 ? 'letter-language' : `letter-language-${l}`}
                    label={LANGUAGE_LABELS[l]}
                    checked={language === l}
                    onChange={() => setLanguage(l)}
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
            error={fieldErrors.outsideWindowReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}

        <Fieldset id="letter-method" legend="How it is issued" error={fieldErrors.method}>
          <div className="radios">
            {ISSUE_METHODS.map((m, i) => (
              <Choice
                key={m}
                type="radio"
                name="letter-method"
                id={i === 0 ? 'letter-method' : `letter-method-${m}`}
                label={METHOD_LABELS[m]}
                checked={method === m}
                onChange={() => setMethod(m)}
              />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button" disabled={busy}>
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
