/**
 * The guided editor: a GOV.UK task list with progress, one section at a time, Previous and
 * Continue, all native controls (so fully usable by keyboard). Every change autosaves.
 */
import { useToday } from '../../app/today';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  AGREEMENT_METHODS,
  agreementProblems,
  agreementSchema,
  type Agreement,
  type AgreementMethod,
  type PlanContent,
  type PlanDraft,
  type PlanView,
} from '@shared/schemas/plan';
import { call } from '../../api';
import { formatInstant } from '../../labels';
import { Choice, ErrorMessage, Fieldset } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { useAutosave, type SaveState } from './use-autosave';
import { SECTIONS, sectionStatus, type SectionId } from './plan-model';
import { flatErrors, planResolver, salvage, toContent } from './plan-form';
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
          : save.state === 'held'
            ? `Not all saved: ${save.message}`
            : `Not saved: ${save.message}`;
  return (
    <p className={`plan-save plan-save--${save.state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

interface AgreementValues {
  agreedOn: string;
  method: '' | AgreementMethod;
  participantAgreed: boolean;
}

const AGREEMENT_IDS = {
  agreedOn: 'agree-agreedOn',
  method: 'agree-method',
  participantAgreed: 'agree-participantAgreed',
};

const HELD_WORDS = 'the rest is saved; put right the problems shown to save them';

export function PlanEditor({
  view,
  draft,
  adviserName,
  onAgreed,
  onReferralSaved,
  focusOnMount = false,
}: {
  view: PlanView;
  draft: PlanDraft;
  adviserName: string;
  /** Opened by "Write the plan" or "Start a review": the first section's heading takes focus. */
  focusOnMount?: boolean;
  onAgreed(number: number): void;
  onReferralSaved(): void;
}) {
  const today = useToday();
  const { update, hold, save, flush, revision } = useAutosave(view.participantId, draft);
  const [section, setSection] = useState<SectionId>('about');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
    // Only when the editor first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The draft itself: every change is checked by the shared schema and autosaved only when it
  // passes, so an impossible date stays on screen with its error and is never saved or dropped.
  const form = useForm<PlanContent, unknown, PlanContent>({
    resolver: planResolver(),
    defaultValues: draft.content,
    mode: 'onChange',
    shouldFocusError: false,
  });
  const contentErrors = flatErrors(form.formState.errors);
  const typed = useWatch({ control: form.control }) as PlanContent;
  const lastSaved = useRef<PlanContent>(draft.content);
  const content = toContent(typed);

  useEffect(() => {
    let last = JSON.stringify(form.getValues());
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        const values = form.getValues();
        const now = JSON.stringify(values);
        if (now === last) return;
        last = now;
        void form.trigger().then((valid) => {
          // A later change has its own check; only the newest words are saved or held.
          if (JSON.stringify(form.getValues()) !== now) return;
          if (valid) {
            lastSaved.current = toContent(values);
            update(lastSaved.current);
            return;
          }
          // Everything but the fields at fault is still saved (see salvage).
          const faults = flatErrors(form.control._formState.errors).map((e) => e.field);
          const kept = salvage(toContent(values), lastSaved.current, faults);
          if (kept && JSON.stringify(kept) !== JSON.stringify(lastSaved.current)) {
            lastSaved.current = kept;
            update(kept);
          }
          hold(HELD_WORDS);
        });
      },
    });
  }, [form, update, hold]);

  // Agreeing: its own small form on the shared agreement schema.
  const agreement = useForm<AgreementValues, unknown, Agreement>({
    resolver: async (values, context, options) => {
      const result = await schemaResolver<AgreementValues, Agreement>(
        agreementSchema,
        (v) => ({
          agreedOn: toCivilDate(v.agreedOn),
          method: v.method || undefined,
          participantAgreed: v.participantAgreed,
        }),
        ['agreedOn'],
      )(values, context, options);
      const errors = result.errors as Record<string, { message?: string } | undefined>;
      // The schema says "plan"; the adviser sees the profile's name for it.
      if (errors.participantAgreed)
        errors.participantAgreed.message = `Confirm the participant agreed this ${view.planName}`;
      return result;
    },
    defaultValues: { agreedOn: today, method: '', participantAgreed: false },
    shouldFocusError: false,
  });
  const agreeErrors = agreement.formState.errors;
  // After an attempt to agree, what still stops it is shown live (and goes once put right).
  const [triedToAgree, setTriedToAgree] = useState(false);
  const [serverProblems, setServerProblems] = useState<{ field: string; message: string }[]>([]);
  // Counts failed attempts: the error summary takes focus each time it changes.
  const [shownErrors, setShownErrors] = useState(0);

  const problems = [
    ...contentErrors,
    ...(triedToAgree ? agreementProblems(content) : []).filter(
      (p) => !contentErrors.some((e) => e.field === p.field),
    ),
    ...serverProblems,
  ];
  const summary: SummaryError[] = [
    ...problems.map((p) => ({ targetId: locate(p.field).targetId, message: p.message })),
    ...summaryOf(agreeErrors, AGREEMENT_IDS, null),
  ];
  const fieldErrors = Object.fromEntries(problems.map((p) => [p.field, p.message]));

  const index = SECTIONS.findIndex((s) => s.id === section);
  const done = SECTIONS.filter((s) => sectionStatus(s.id, content) === 'Completed').length;
  const go = (id: SectionId) => {
    setSection(id);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const agree = async (e: FormEvent) => {
    e.preventDefault();
    setTriedToAgree(true);
    setServerProblems([]);
    const contentValid = await form.trigger();
    // The hook's formState is this render's snapshot; the control holds the errors just found.
    const fields = flatErrors(form.control._formState.errors);
    const blocking = contentValid ? agreementProblems(toContent(form.getValues())) : fields;
    const failed = () => {
      // Open the section of the first problem; the agreement's own problems are here already.
      if (blocking[0]) setSection(locate(blocking[0].field).section);
      setShownErrors((n) => n + 1);
    };
    await agreement.handleSubmit(async (values) => {
      if (blocking.length) return failed();
      await flush();
      const result = await call('plan:agree', {
        participantId: view.participantId,
        expectedRevision: revision(),
        agreement: values,
      });
      if (!result.ok) {
        const field = (result.error.field ?? 'agreedOn').replace(/^(agreement|content)\./, '');
        if (field in AGREEMENT_IDS)
          agreement.setError(field as keyof AgreementValues, {
            type: 'server',
            message: result.error.message,
          });
        else setServerProblems([{ field, message: result.error.message }]);
        setSection(field in AGREEMENT_IDS ? 'agreement' : locate(field).section);
        return setShownErrors((n) => n + 1);
      }
      onAgreed(result.value.number);
    }, failed)();
  };

  const props: SectionProps = { form, errors: fieldErrors };
  const healthNeed = content.barriers.some((b) => b.healthRelated);

  return (
    <div className="plan-editor">
      <SaveStatus save={save} />
      <PrintPlan participantId={view.participantId} planName={view.planName} beforeIssue={flush} />
      <ErrorSummary errors={summary} focusKey={shownErrors} />
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
            <form onSubmit={(e) => void agree(e)} noValidate aria-labelledby="plan-section-title">
              <p className="body">
                Agreeing makes this version final: it cannot be changed afterwards. A review starts
                a new version.
              </p>
              <ControlledDateInput
                control={agreement.control}
                name="agreedOn"
                id={AGREEMENT_IDS.agreedOn}
                legend="Date agreed"
                error={agreeErrors.agreedOn?.message}
              />
              <Fieldset
                id={AGREEMENT_IDS.method}
                legend="How the participant agreed"
                legendSize="s"
                error={agreeErrors.method?.message}
              >
                <div className="radios">
                  {AGREEMENT_METHODS.map((m, i) => (
                    <Choice
                      key={m}
                      type="radio"
                      id={i === 0 ? AGREEMENT_IDS.method : `${AGREEMENT_IDS.method}-${m}`}
                      label={METHOD_LABELS[m]}
                      value={m}
                      {...agreement.register('method')}
                    />
                  ))}
                </div>
              </Fieldset>
              <p className="body">Adviser: {adviserName}</p>
              <div
                className={`form-group${agreeErrors.participantAgreed ? ' form-group--error' : ''}`}
              >
                <ErrorMessage id={AGREEMENT_IDS.participantAgreed}>
                  {agreeErrors.participantAgreed?.message}
                </ErrorMessage>
                <div className="checkboxes">
                  <Choice
                    type="checkbox"
                    id={AGREEMENT_IDS.participantAgreed}
                    label={`The participant and I wrote this ${view.planName} together and they agree to it`}
                    aria-describedby={
                      agreeErrors.participantAgreed
                        ? `${AGREEMENT_IDS.participantAgreed}-error`
                        : undefined
                    }
                    {...agreement.register('participantAgreed')}
                  />
                </div>
              </div>
              <button type="submit" className="button" disabled={agreement.formState.isSubmitting}>
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
