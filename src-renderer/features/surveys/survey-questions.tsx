/**
 * The questions of one survey as a form: radios for satisfaction and yes-no, a text box for
 * words. Nothing is required; the same component serves the locked survey and the paper form.
 */
import type { SurveyDefinition } from '@shared/domain/surveys/survey-definition';
import { SATISFACTION_SCORES, YES_NO_ANSWERS } from '@shared/domain/surveys/survey-definition';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import { SATISFACTION_WORDS, YES_NO_WORDS } from '@shared/domain/surveys/survey-words';
import { Choice, Fieldset, Textarea } from '../../components/fields';

export function SurveyQuestions({
  survey,
  answers,
  onChange,
  idPrefix,
  errors = {},
}: {
  survey: SurveyDefinition;
  answers: SurveyAnswers;
  onChange: (answers: SurveyAnswers) => void;
  idPrefix: string;
  errors?: Record<string, string>;
}) {
  const set = (id: string, value: SurveyAnswers[string] | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange(next);
  };
  return (
    <>
      {survey.questions.map((q, n) => {
        const id = `${idPrefix}-${q.id}`;
        const legend = `${n + 1}. ${q.text} (optional)`;
        if (q.kind === 'text')
          return (
            <Textarea
              key={q.id}
              id={id}
              label={legend}
              error={errors[q.id]}
              maxLength={2000}
              value={typeof answers[q.id] === 'string' ? String(answers[q.id]) : ''}
              onChange={(e) => set(q.id, e.target.value === '' ? undefined : e.target.value)}
            />
          );
        const options =
          q.kind === 'satisfaction'
            ? SATISFACTION_SCORES.map((s) => ({ value: s, label: SATISFACTION_WORDS[s]! }))
            : YES_NO_ANSWERS.map((a) => ({ value: a, label: YES_NO_WORDS[a] }));
        return (
          <Fieldset key={q.id} id={id} legend={legend} legendSize="s" error={errors[q.id]}>
            <div className="radios">
              {options.map((o, i) => (
                <Choice
                  key={String(o.value)}
                  id={i === 0 ? id : `${id}-${o.value}`}
                  type="radio"
                  name={id}
                  label={o.label}
                  checked={answers[q.id] === o.value}
                  onChange={() => set(q.id, o.value)}
                />
              ))}
            </div>
            {answers[q.id] !== undefined && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => set(q.id, undefined)}
              >
                Clear the answer to question {n + 1}
              </button>
            )}
          </Fieldset>
        );
      })}
    </>
  );
}
