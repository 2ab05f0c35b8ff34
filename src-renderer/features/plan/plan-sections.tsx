/** The editor's sections: each edits its part of the draft content and nothing else. */
import { useState } from 'react';
import {
  STEP_OWNERS,
  STEP_STATUSES,
  type PlanBarrier,
  type PlanContent,
  type PlanStep,
} from '@shared/schemas/plan';
import { isCivilDate } from '@shared/domain/identity/civil-date';
import { Choice, Select, TextInput, Textarea } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { fromLines, newBarrier, newStep, toLines } from './plan-model';

export interface SectionProps {
  content: PlanContent;
  update(next: PlanContent): void;
  errors: Record<string, string>;
}

const ONE_PER_LINE = 'One per line.';

export function AboutSection({ content, update, errors }: SectionProps) {
  return (
    <>
      <Textarea
        id="plan-aboutMe"
        label="About me"
        hint="In the participant's words: their situation, what matters to them, what they have done."
        rows={6}
        value={content.aboutMe}
        error={errors.aboutMe}
        onChange={(e) => update({ ...content, aboutMe: e.target.value })}
      />
      <Textarea
        id="plan-strengths"
        label="Strengths"
        hint={`What they are good at and what others value in them. ${ONE_PER_LINE}`}
        value={toLines(content.strengths)}
        error={errors.strengths}
        onChange={(e) => update({ ...content, strengths: fromLines(e.target.value) })}
      />
    </>
  );
}

export function GoalsSection({ content, update, errors }: SectionProps) {
  const set = (key: 'shortTerm' | 'longTerm', text: string) =>
    update({ ...content, goals: { ...content.goals, [key]: fromLines(text) } });
  return (
    <>
      <Textarea
        id="plan-goals-shortTerm"
        label="Short-term job goals"
        hint={`The next few months. ${ONE_PER_LINE}`}
        value={toLines(content.goals.shortTerm)}
        error={errors['goals.shortTerm']}
        onChange={(e) => set('shortTerm', e.target.value)}
      />
      <Textarea
        id="plan-goals-longTerm"
        label="Long-term job goals"
        hint={`Where they want to be in a year or more. ${ONE_PER_LINE}`}
        value={toLines(content.goals.longTerm)}
        error={errors['goals.longTerm']}
        onChange={(e) => set('longTerm', e.target.value)}
      />
    </>
  );
}

export function SkillsSection({ content, update }: SectionProps) {
  const fields = [
    ['skills', 'Skills', 'Practical and personal skills.'],
    [
      'qualifications',
      'Qualifications',
      'Certificates, licences and cards (for example a CSCS card).',
    ],
    ['training', 'Training already done', 'Courses finished, on this programme or before.'],
  ] as const;
  return (
    <>
      {fields.map(([key, label, hint]) => (
        <Textarea
          key={key}
          id={`plan-${key}`}
          label={label}
          hint={`${hint} ${ONE_PER_LINE}`}
          value={toLines(content[key])}
          onChange={(e) => update({ ...content, [key]: fromLines(e.target.value) })}
        />
      ))}
    </>
  );
}

export function BarriersSection({ content, update, errors }: SectionProps) {
  const set = (i: number, b: PlanBarrier) =>
    update({ ...content, barriers: content.barriers.map((x, j) => (j === i ? b : x)) });
  return (
    <>
      {content.barriers.length === 0 && (
        <p className="body">No barriers recorded. Add one for anything that makes work harder.</p>
      )}
      {content.barriers.map((b, i) => (
        <fieldset className="fieldset plan-item" key={b.id}>
          <legend className="fieldset__legend fieldset__legend--s">Barrier {i + 1}</legend>
          <TextInput
            id={`plan-barriers-${i}-barrier`}
            label="What makes it harder"
            value={b.barrier}
            error={errors[`barriers.${i}.barrier`]}
            onChange={(e) => set(i, { ...b, barrier: e.target.value })}
          />
          <Textarea
            id={`plan-barriers-${i}-support`}
            label="Support agreed"
            rows={2}
            value={b.support}
            onChange={(e) => set(i, { ...b, support: e.target.value })}
          />
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id={`plan-barriers-${i}-health`}
              label="This is a health-related need (asks for an occupational health decision)"
              checked={b.healthRelated}
              onChange={(e) => set(i, { ...b, healthRelated: e.target.checked })}
            />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              update({ ...content, barriers: content.barriers.filter((x) => x.id !== b.id) })
            }
          >
            Remove barrier {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => update({ ...content, barriers: [...content.barriers, newBarrier()] })}
      >
        Add a barrier
      </button>
    </>
  );
}

const OWNER_LABELS: Record<PlanStep['owner'], string> = {
  participant: 'Participant',
  adviser: 'Adviser',
};
const STATUS_LABELS: Record<PlanStep['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** A due date is kept locally while half-typed and reaches the draft once it is a real date. */
function StepDue({
  id,
  index,
  value,
  error,
  onDate,
}: {
  id: string;
  index: number;
  value: string;
  error?: string;
  onDate(date: string): void;
}) {
  const [typed, setTyped] = useState(value);
  const date = toCivilDate(typed);
  // 31 11 2026 is never dropped: it stays in the plan as typed, is named here at once, and
  // stops the plan being agreed (with the error summary) until it is a real date.
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const local =
    complete && !isCivilDate(date)
      ? `Enter step ${index + 1}'s due date as a real date, for example 27 3 2027`
      : undefined;
  return (
    <DateInput
      id={id}
      legend={`Step ${index + 1} due date`}
      value={typed}
      error={local ?? error}
      onChange={(v) => {
        setTyped(v);
        const next = toCivilDate(v);
        // Half-typed dates stay on screen only; whole ones (real or not) reach the plan.
        if (next === '' || /^\d{4}-\d{2}-\d{2}$/.test(next)) onDate(next);
      }}
    />
  );
}

export function StepsSection({ content, update, errors }: SectionProps) {
  const set = (i: number, s: PlanStep) =>
    update({ ...content, steps: content.steps.map((x, j) => (j === i ? s : x)) });
  return (
    <>
      {errors.steps && <p className="error-message">{errors.steps}</p>}
      {content.steps.map((s, i) => (
        <fieldset className="fieldset plan-item" key={s.id}>
          <legend className="fieldset__legend fieldset__legend--s">Step {i + 1}</legend>
          <TextInput
            id={`plan-steps-${i}-action`}
            label="What will be done"
            value={s.action}
            error={errors[`steps.${i}.action`]}
            onChange={(e) => set(i, { ...s, action: e.target.value })}
          />
          <div className="plan-item__row">
            <Select
              id={`plan-steps-${i}-owner`}
              label="Who does it"
              value={s.owner}
              options={STEP_OWNERS.map((o) => ({ value: o, label: OWNER_LABELS[o] }))}
              onChange={(e) => set(i, { ...s, owner: e.target.value as PlanStep['owner'] })}
            />
            <Select
              id={`plan-steps-${i}-status`}
              label="Status"
              value={s.status}
              options={STEP_STATUSES.map((o) => ({ value: o, label: STATUS_LABELS[o] }))}
              onChange={(e) => set(i, { ...s, status: e.target.value as PlanStep['status'] })}
            />
          </div>
          <StepDue
            id={`plan-steps-${i}-due`}
            index={i}
            value={s.due}
            error={errors[`steps.${i}.due`]}
            onDate={(due) => set(i, { ...s, due })}
          />
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id={`plan-steps-${i}-mandatory`}
              label="Mandatory (agreed as a requirement)"
              checked={s.mandatory}
              onChange={(e) => set(i, { ...s, mandatory: e.target.checked })}
            />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              update({ ...content, steps: content.steps.filter((x) => x.id !== s.id) })
            }
          >
            Remove step {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id="plan-add-step"
        className="button button--secondary"
        onClick={() => update({ ...content, steps: [...content.steps, newStep()] })}
      >
        Add a step
      </button>
    </>
  );
}
