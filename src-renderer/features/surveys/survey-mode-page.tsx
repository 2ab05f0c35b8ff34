/**
 * The locked survey mode: the participant holds the laptop. The screen shows the survey and
 * nothing of the caseload; the main process serves no other channel until the adviser's
 * passphrase is given below (so reloading or typing an address cannot get out either).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SurveyModeView } from '@shared/ipc/channels/surveys';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import { OPTIONAL_WORDS } from '@shared/domain/surveys/survey-words';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { SessionLayout } from '../session/session-layout';
import { SurveyQuestions } from './survey-questions';
import './surveys.css';

function LeaveForm() {
  const { setStatus } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('surveys:leave', { passphrase });
    setPassphrase('');
    if (result.ok) return setStatus(result.value);
    setError(result.error.message);
    setFailures((n) => n + 1);
  };
  return (
    <section aria-labelledby="leave-heading" className="survey-leave">
      <h2 className="heading-m" id="leave-heading">
        For the adviser: end the survey
      </h2>
      <ErrorSummary
        focusKey={failures}
        errors={error ? [{ targetId: 'leave-passphrase', message: error }] : []}
      />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="leave-passphrase"
          type="password"
          label="Adviser’s passphrase"
          autoComplete="current-password"
          value={passphrase}
          error={error ?? undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          Return to Waymark
        </button>
      </form>
    </section>
  );
}

export function SurveyModePage() {
  const [view, setView] = useState<SurveyModeView | null>(null);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
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

  const send = async (given: SurveyAnswers) => {
    const result = await call('surveys:submit', { answers: given });
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
            onSubmit={(e) => {
              e.preventDefault();
              void send(answers);
            }}
            noValidate
          >
            <SurveyQuestions
              survey={view.survey}
              answers={answers}
              onChange={setAnswers}
              idPrefix="survey"
            />
            <div className="button-group">
              <button type="submit" className="button">
                Send my answers
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void send({})}
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
