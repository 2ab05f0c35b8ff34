/**
 * The guided editor: a GOV.UK task list with progress, one section at a time, Previous and
 * Continue, all native controls (so fully usable by keyboard). Every change autosaves.
 */
import { useToday } from '../../app/today';
import { useRef, useState, type FormEvent } from 'react';
import {
  AGREEMENT_METHODS,
  agreementProblems,
  type AgreementMethod,
  type PlanDraft,
  type PlanView,
} from '@shared/schemas/plan';
import { call } from '../../api';
import { formatInstant } from '../../labels';
import { Choice, Fieldset } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { useAutosave, type SaveState } from './use-autosave';
import { SECTIONS, sectionStatus, type SectionId } from './plan-model';
import {
  AboutSection,
  BarriersSection,
  GoalsSection,
  SkillsSection,
  StepsSection,
  type SectionProps,
} from './plan-sections';
import { HealthDecisionForm, ReferralsPanel } from './plan-support';
import { PrintPlan } from '../letters/print-plan';

const METHOD_LABELS: Record<AgreementMethod, string> = {
  'in-person': 'In person at a meeting',
  phone: 'By phone',
  video: 'By video call',
  'signed-paper': 'Signed a paper copy',
};

/** Where each server-side field lives: the section to open and the control to focus. */
function locate(field: string): { section: SectionId; targetId: string } {
  const id = `plan-${field.replace(/\./g, '-')}`;
  if (field.startsWith('goals')) return { section: 'goals', targetId: id };
  if (field.startsWith('steps'))
    return { section: 'steps', targetId: field === 'steps' ? 'plan-add-step' : id };
  if (field.startsWith('barriers')) return { section: 'barriers', targetId: id };
  if (field === 'agreedOn' || field === 'method' || field === 'participantAgreed')
    return { section: 'agreement', targetId: `agree-${field}` };
  return { section: 'about', targetId: id };
}

function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.state === 'saved'
      ? `Draft saved ${formatInstant(save.at)}`
      : save.state === 'saving'
        ? 'Saving…'
        : save.state === 'unsaved'
          ? 'Changes not saved yet'
          : `Not saved: ${save.message}`;
  return (
    <p className={`plan-save plan-save--${save.state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function PlanEditor({
  view,
  draft,
  adviserName,
  onAgreed,
  onReferralSaved,
}: {
  view: PlanView;
  draft: PlanDraft;
  adviserName: string;
  onAgreed(number: number): void;
  onReferralSaved(): void;
}) {
  const today = useToday();
  const { content, update, save, flush, revision } = useAutosave(view.participantId, draft);
  const [section, setSection] = useState<SectionId>('about');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [agreedOn, setAgreedOn] = useState(today);
  const [method, setMethod] = useState<AgreementMethod | ''>('');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Counts failed attempts: the error summary takes focus each time it changes.
  const [shownErrors, setShownErrors] = useState(0);

  const index = SECTIONS.findIndex((s) => s.id === section);
  const done = SECTIONS.filter((s) => sectionStatus(s.id, content) === 'Completed').length;
  const go = (id: SectionId) => {
    setSection(id);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const showErrors = (list: { field: string; message: string }[]) => {
    setErrors(list.map((p) => ({ targetId: locate(p.field).targetId, message: p.message })));
    setFieldErrors(Object.fromEntries(list.map((p) => [p.field, p.message])));
    if (list[0]) setSection(locate(list[0].field).section);
    setShownErrors((n) => n + 1);
  };

  const agree = async (e: FormEvent) => {
    e.preventDefault();
    const problems = agreementProblems(content);
    if (!method) problems.push({ field: 'method', message: 'Choose how the participant agreed' });
    if (!agreed)
      problems.push({
        field: 'participantAgreed',
        message: `Confirm the participant agreed this ${view.planName}`,
      });
    if (problems.length) return showErrors(problems);
    setBusy(true);
    await flush();
    const result = await call('plan:agree', {
      participantId: view.participantId,
      expectedRevision: revision(),
      agreement: {
        agreedOn: toCivilDate(agreedOn),
        method: method as AgreementMethod,
        participantAgreed: true,
      },
    });
    setBusy(false);
    if (!result.ok)
      return showErrors([
        { field: result.error.field ?? 'agreedOn', message: result.error.message },
      ]);
    onAgreed(result.value.number);
  };

  const props: SectionProps = { content, update, errors: fieldErrors };
  const healthNeed = content.barriers.some((b) => b.healthRelated);

  return (
    <div className="plan-editor">
      <SaveStatus save={save} />
      <PrintPlan participantId={view.participantId} planName={view.planName} beforeIssue={flush} />
      <ErrorSummary errors={errors} focusKey={shownErrors} />
      <div className="grid-row">
        <nav className="grid-column-one-third" aria-labelledby="plan-tasks-title">
          <h2 className="heading-s" id="plan-tasks-title">
            Sections
          </h2>
          <p className="body plan-progress">
            {done} of {SECTIONS.length - 1} sections completed
          </p>
          <ol className="task-list">
            {SECTIONS.map((s) => {
              const status = sectionStatus(s.id, content);
              return (
                <li className="task-list__item" key={s.id}>
                  <button
                    type="button"
                    className="task-list__link"
                    aria-current={s.id === section ? 'step' : undefined}
                    aria-describedby={`task-${s.id}-status`}
                    onClick={() => go(s.id)}
                  >
                    {s.title}
                  </button>
                  <span
                    className={`task-list__status task-list__status--${status.replace(/ /g, '-').toLowerCase()}`}
                    id={`task-${s.id}-status`}
                  >
                    {status}
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="grid-column-two-thirds" aria-labelledby="plan-section-title">
          <span className="caption-m">
            Section {index + 1} of {SECTIONS.length}
          </span>
          <h2 className="heading-m" id="plan-section-title" tabIndex={-1} ref={heading}>
            {SECTIONS[index]!.title}
          </h2>
          {section === 'about' && <AboutSection {...props} />}
          {section === 'goals' && <GoalsSection {...props} />}
          {section === 'barriers' && (
            <>
              <BarriersSection {...props} />
              {healthNeed && <HealthDecisionForm view={view} onSaved={onReferralSaved} />}
              <ReferralsPanel view={view} onSaved={onReferralSaved} />
            </>
          )}
          {section === 'skills' && <SkillsSection {...props} />}
          {section === 'steps' && <StepsSection {...props} />}
          {section === 'agreement' && (
            <form onSubmit={agree} noValidate aria-labelledby="plan-section-title">
              <p className="body">
                Agreeing makes this version final: it cannot be changed afterwards. A review starts
                a new version.
              </p>
              <DateInput
                id="agree-agreedOn"
                legend="Date agreed"
                value={agreedOn}
                error={fieldErrors.agreedOn}
                onChange={setAgreedOn}
              />
              <Fieldset
                id="agree-method"
                legend="How the participant agreed"
                legendSize="s"
                error={fieldErrors.method}
              >
                <div className="radios">
                  {AGREEMENT_METHODS.map((m, i) => (
                    <Choice
                      key={m}
                      type="radio"
                      name="agree-method"
                      id={i === 0 ? 'agree-method' : `agree-method-${m}`}
                      label={METHOD_LABELS[m]}
                      checked={method === m}
                      onChange={() => setMethod(m)}
                    />
                  ))}
                </div>
              </Fieldset>
              <p className="body">Adviser: {adviserName}</p>
              <div
                className={`form-group${fieldErrors.participantAgreed ? ' form-group--error' : ''}`}
              >
                <div className="checkboxes">
                  <Choice
                    type="checkbox"
                    id="agree-participantAgreed"
                    label={`The participant and I wrote this ${view.planName} together and they agree to it`}
                    checked={agreed}
                    onChange={(e) => setAgreed(e.target.checked)}
                  />
                </div>
              </div>
              <button type="submit" className="button" disabled={busy}>
                Agree {view.planName}
              </button>
            </form>
          )}
          {section !== 'agreement' && (
            <div className="button-group">
              {index > 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => go(SECTIONS[index - 1]!.id)}
                >
                  Previous
                </button>
              )}
              <button type="button" className="button" onClick={() => go(SECTIONS[index + 1]!.id)}>
                Continue
              </button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
