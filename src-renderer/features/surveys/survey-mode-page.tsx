/**
 * The locked survey mode: the participant holds the laptop. The screen shows the survey and
 * nothing of the caseload; the main process serves no other channel until the adviser's
 * passphrase is given below (so reloading or typing an address cannot get out either).
 */
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  surveyLeaveSchema,
  surveySubmitSchema,
  type SurveyLeave,
  type SurveySubmit,
} from '@shared/schemas/surveys';
import type { SurveyModeView } from '@shared/ipc/channels/surveys';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import { OPTIONAL_WORDS } from '@shared/domain/surveys/survey-words';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { SessionLayout } from '../session/session-layout';
import { SurveyQuestions } from './survey-questions';
import './surveys.css';

interface LeaveValues {
  passphrase: string;
}

const LEAVE_IDS = { passphrase: 'leave-passphrase' };

function LeaveForm() {
  const { setStatus } = useSession();
  const [failures, setFailures] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<LeaveValues, unknown, SurveyLeave>({
    resolver: schemaResolver<LeaveValues, SurveyLeave>(surveyLeaveSchema, (v) => v, []),
    defaultValues: { passphrase: '' },
    shouldFocusError: false,
  });
  const leave = async (values: SurveyLeave) => {
    const result = await call('surveys:leave', values);
    // The passphrase never stays on the participant's screen.
    setValue('passphrase', '');
    if (result.ok) return setStatus(result.value);
    setError('passphrase', { type: 'server', message: result.error.message });
    setFailures((n) => n + 1);
  };
  return (
    <section aria-labelledby="leave-heading" className="survey-leave">
      <h2 className="heading-m" id="leave-heading">
        For the adviser: end the survey
      </h2>
      <ErrorSummary errors={summaryOf(errors, LEAVE_IDS, null)} focusKey={failures} />
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(leave, () => setFailures((n) => n + 1))(e)}
      >
        <TextInput
          id={LEAVE_IDS.passphrase}
          type="password"
          label="Adviser’s passphrase"
          autoComplete="current-password"
          error={errors.passphrase?.message}
          {...register('passphrase')}
        />
        <button type="submit" className="button button--secondary" disabled={isSubmitting}>
          Return to Waymark
        </button>
      </form>
    </section>
  );
}

interface AnswerValues {
  answers: SurveyAnswers;
}

export function SurveyModePage() {
  const [view, setView] = useState<SurveyModeView | null>(null);
  const { control, handleSubmit } = useForm<AnswerValues, unknown, SurveySubmit>({
    resolver: schemaResolver<AnswerValues, SurveySubmit>(surveySubmitSchema, (v) => v, []),
    defaultValues: { answers: {} },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const thanks = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void call('surveys:current', {}).then((r) =>
      r.ok ? setView(r.value) : setProblem(r.error.message),
    );
  }, []);
  useEffect(() => {
    if (view?.finished) thanks.current?.focus();
  }, [view?.finished]);

  const send = async (given: SurveySubmit) => {
    const result = await call('surveys:submit', given);
    if (result.ok) setView(result.value);
    else setProblem(result.error.message);
  };

  return (
    <SessionLayout>
      {problem && (
        <div className="error-summary" role="alert">
          <p className="body">{problem}</p>
        </div>
      )}
      {view && !view.finished && (
        <>
          <PageHeading caption="Your feedback">{view.survey.title}</PageHeading>
          <p className="body">{view.survey.intro}</p>
          <div className="inset-text">
            <p className="body">{OPTIONAL_WORDS}</p>
            <p className="body">
              {view.anonymous
                ? 'Your answers are anonymous: they are not kept with your name or your record.'
                : 'Your answers will be kept with your record, so that your adviser can act on them.'}
            </p>
          </div>
          <form
            noValidate
            onSubmit={(e) =>
              void handleSubmit(send, () =>
                setProblem('Some answers could not be saved: check them and send again'),
              )(e)
            }
          >
            <Controller
              control={control}
              name="answers"
              render={({ field }) => (
                <SurveyQuestions
                  survey={view.survey}
                  answers={field.value}
                  onChange={field.onChange}
                  idPrefix="survey"
                />
              )}
            />
            <div className="button-group">
              <button type="submit" className="button">
                Send my answers
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void send({ answers: {} })}
              >
                Finish without answering
              </button>
            </div>
          </form>
        </>
      )}
      {view?.finished && (
        <>
          <h1 className="heading-l" tabIndex={-1} ref={thanks}>
            Thank you
          </h1>
          <p className="body">Please hand the laptop back to your adviser.</p>
        </>
      )}
      {view && <LeaveForm />}
    </SessionLayout>
  );
}
