/**
 * The editor's sections: each edits its part of the draft through the editor's react-hook-form
 * form (so every value is checked by the shared plan schema) and nothing else.
 */
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { STEP_OWNERS, STEP_STATUSES, type PlanContent, type PlanStep } from '@shared/schemas/plan';
import { Choice, Select, TextInput, Textarea } from '../../components/fields';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { fromLines, newBarrier, newStep, toLines } from './plan-model';

export interface SectionProps {
  /** The draft as typed: a step's due date holds the three boxes until it is a whole date. */
  form: UseFormReturn<PlanContent>;
  /** Problems by the field's dotted path ('steps.0.due'), from the schema or from agreeing. */
  errors: Record<string, string>;
}

const ONE_PER_LINE = 'One per line.';

/** After a Remove button takes its item away, focus moves on rather than falling to the page. */
const focusAfterRemove = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus());

type ListField =
  'strengths' | 'goals.shortTerm' | 'goals.longTerm' | 'skills' | 'qualifications' | 'training';

/** A textarea holding a list, one entry per line. */
function LinesField({
  form,
  errors,
  name,
  label,
  hint,
}: SectionProps & { name: ListField; label: string; hint: string }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Textarea
          id={`plan-${name.replace(/\./g, '-')}`}
          label={label}
          hint={hint}
          value={toLines(field.value)}
          error={errors[name]}
          onChange={(e) => field.onChange(fromLines(e.target.value))}
          onBlur={field.onBlur}
          ref={field.ref}
        />
      )}
    />
  );
}

export function AboutSection({ form, errors }: SectionProps) {
  return (
    <>
      <Textarea
        id="plan-aboutMe"
        label="About me"
        hint="In the participant's words: their situation, what matters to them, what they have done."
        rows={6}
        error={errors.aboutMe}
        {...form.register('aboutMe')}
      />
      <LinesField
        form={form}
        errors={errors}
        name="strengths"
        label="Strengths"
        hint={`What they are good at and what others value in them. ${ONE_PER_LINE}`}
      />
    </>
  );
}

export function GoalsSection({ form, errors }: SectionProps) {
  return (
    <>
      <LinesField
        form={form}
        errors={errors}
        name="goals.shortTerm"
        label="Short-term job goals"
        hint={`The next few months. ${ONE_PER_LINE}`}
      />
      <LinesField
        form={form}
        errors={errors}
        name="goals.longTerm"
        label="Long-term job goals"
        hint={`Where they want to be in a year or more. ${ONE_PER_LINE}`}
      />
    </>
  );
}

export function SkillsSection({ form, errors }: SectionProps) {
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
        <LinesField
          key={key}
          form={form}
          errors={errors}
          name={key}
          label={label}
          hint={`${hint} ${ONE_PER_LINE}`}
        />
      ))}
    </>
  );
}

export function BarriersSection({ form, errors }: SectionProps) {
  // keyName: the items carry their own stable `id`, which the draft keeps.
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'barriers',
    keyName: 'key',
  });
  return (
    <>
      {fields.length === 0 && (
        <p className="body">No barriers recorded. Add one for anything that makes work harder.</p>
      )}
      {fields.map((b, i) => (
        <fieldset className="fieldset plan-item" key={b.key}>
          <legend className="fieldset__legend fieldset__legend--s">Barrier {i + 1}</legend>
          <TextInput
            id={`plan-barriers-${i}-barrier`}
            label="What makes it harder"
            error={errors[`barriers.${i}.barrier`]}
            {...form.register(`barriers.${i}.barrier`)}
          />
          <Textarea
            id={`plan-barriers-${i}-support`}
            label="Support agreed"
            rows={2}
            error={errors[`barriers.${i}.support`]}
            {...form.register(`barriers.${i}.support`)}
          />
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id={`plan-barriers-${i}-health`}
              label="This is a health-related need (asks for an occupational health decision)"
              {...form.register(`barriers.${i}.healthRelated`)}
            />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              remove(i);
              // The pressed button is gone with its barrier: focus goes on to "Add a barrier".
              focusAfterRemove('plan-add-barrier');
            }}
          >
            Remove barrier {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id="plan-add-barrier"
        className="button button--secondary"
        onClick={() => append(newBarrier(), { focusName: `barriers.${fields.length}.barrier` })}
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

export function StepsSection({ form, errors }: SectionProps) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'steps',
    keyName: 'key',
  });
  return (
    <>
      {errors.steps && <p className="error-message">{errors.steps}</p>}
      {fields.map((s, i) => (
        <fieldset className="fieldset plan-item" key={s.key}>
          <legend className="fieldset__legend fieldset__legend--s">Step {i + 1}</legend>
          <TextInput
            id={`plan-steps-${i}-action`}
            label="What will be done"
            error={errors[`steps.${i}.action`]}
            {...form.register(`steps.${i}.action`)}
          />
          <div className="plan-item__row">
            <Select
              id={`plan-steps-${i}-owner`}
              label="Who does it"
              options={STEP_OWNERS.map((o) => ({ value: o, label: OWNER_LABELS[o] }))}
              {...form.register(`steps.${i}.owner`)}
            />
            <Select
              id={`plan-steps-${i}-status`}
              label="Status"
              options={STEP_STATUSES.map((o) => ({ value: o, label: STATUS_LABELS[o] }))}
              {...form.register(`steps.${i}.status`)}
            />
          </div>
          {/* 31 11 2026 is never dropped: it stays as typed, is named here and in the summary,
              and nothing is saved until it is a real date. */}
          <ControlledDateInput
            control={form.control}
            name={`steps.${i}.due`}
            id={`plan-steps-${i}-due`}
            legend={`Step ${i + 1} due date`}
            error={errors[`steps.${i}.due`]}
          />
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id={`plan-steps-${i}-mandatory`}
              label="Mandatory (agreed as a requirement)"
              {...form.register(`steps.${i}.mandatory`)}
            />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              remove(i);
              focusAfterRemove('plan-add-step');
            }}
          >
            Remove step {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id="plan-add-step"
        className="button button--secondary"
        // The new step's first box takes focus (GOV.UK "add another"), not the button above it.
        onClick={() => append(newStep(), { focusName: `steps.${fields.length}.action` })}
      >
        Add a step
      </button>
    </>
  );
}
