/**
 * Surveys: who has one to offer now (from their charter profile), handing the laptop over in
 * the locked survey mode, typing in a paper form, and the results with small numbers hidden.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ProfileSurveys, SurveyToOffer } from '@shared/ipc/channels/surveys';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import { MOMENT_WORDS, OPTIONAL_WORDS } from '@shared/domain/surveys/survey-words';
import type { CaseloadRow } from '@shared/schemas/participant';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Select } from '../../components/fields';
import { DateInput } from '../../components/date-input';
import { NotificationBanner } from '../../components/notification-banner';
import { SurveyQuestions } from './survey-questions';
import './surveys.css';
import { SurveyResultsSection } from './survey-results';

function OfferRow({ offer, onDone }: { offer: SurveyToOffer; onDone: () => void }) {
  const { setStatus } = useSession();
  const [anonymous, setAnonymous] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const key = `${offer.participantId}-${offer.surveyId}`;
  const start = async () => {
    const r = await call('surveys:startLocked', {
      participantId: offer.participantId,
      surveyId: offer.surveyId,
      anonymous,
    });
    if (r.ok) setStatus(r.value);
    else setProblem(r.error.message);
  };
  const decline = async () => {
    const r = await call('surveys:decline', {
      participantId: offer.participantId,
      surveyId: offer.surveyId,
    });
    if (r.ok) onDone();
    else setProblem(r.error.message);
  };
  return (
    <li className="survey-offer">
      <h3 className="heading-s">
        {offer.name}: {offer.surveyTitle}
      </h3>
      <p className="body">Offered {MOMENT_WORDS[offer.when]}.</p>
      {problem && <p className="error-message">{problem}</p>}
      <div className="checkboxes">
        <Choice
          id={`anonymous-${key}`}
          type="checkbox"
          label={`Keep ${offer.name}’s answers anonymous (not linked to their record)`}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void start()}>
          Hand over the laptop for {offer.name}’s survey
        </button>
        <button type="button" className="button button--secondary" onClick={() => void decline()}>
          {offer.name} would rather not
        </button>
      </div>
    </li>
  );
}

function PaperForm({ definitions }: { definitions: ProfileSurveys[] }) {
  const today = useToday();
  const choices = definitions.flatMap((p) =>
    p.surveys.map((s) => ({
      value: `${p.profileId}/${s.id}`,
      label: `${s.title} (${p.profileName}, ${MOMENT_WORDS[s.when]})`,
      profileId: p.profileId,
      survey: s,
    })),
  );
  const [choice, setChoice] = useState(choices[0]?.value ?? '');
  const [linked, setLinked] = useState(false);
  const [participantId, setParticipantId] = useState('');
  const [people, setPeople] = useState<CaseloadRow[]>([]);
  const [answeredOn, setAnsweredOn] = useState(today);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [failures, setFailures] = useState(0);
  const [saved, setSaved] = useState(0);
  const chosen = choices.find((c) => c.value === choice);

  useEffect(() => {
    if (!linked || people.length > 0) return;
    void call('caseload:list', { limit: 1000 }).then((r) => {
      if (r.ok) setPeople(r.value.rows);
    });
  }, [linked, people.length]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const problems: SummaryError[] = [];
    if (linked && !participantId)
      problems.push({ targetId: 'paper-participant', message: 'Choose whose form this is' });
    if (problems.length === 0) {
      const r = await call('surveys:recordPaper', {
        profileId: chosen.profileId,
        surveyId: chosen.survey.id,
        participantId: linked ? participantId : null,
        answeredOn,
        answers,
      });
      if (r.ok) {
        setAnswers({});
        setErrors([]);
        setSaved((n) => n + 1);
        return;
      }
      const field = r.error.field ?? '';
      const targetId =
        field === 'answeredOn'
          ? 'paper-date'
          : field.startsWith('answers.')
            ? `paper-${field.slice(8)}`
            : field === 'answers' && chosen.survey.questions[0]
              ? `paper-${chosen.survey.questions[0].id}`
              : undefined;
      problems.push({
        targetId,
        message: field === 'answers' ? 'Enter at least one answer from the form' : r.error.message,
      });
    }
    setSaved(0);
    setErrors(problems);
    setFailures((n) => n + 1);
  };
  const fieldError = (id: string) => errors.find((e) => e.targetId === id)?.message;

  return (
    <section aria-labelledby="paper-heading">
      <h2 className="heading-m" id="paper-heading">
        Enter a paper form
      </h2>
      {saved > 0 && (
        <NotificationBanner title="Saved" success>
          The paper form was saved.
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors} focusKey={failures} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select
          id="paper-survey"
          label="Which survey"
          options={choices.map(({ value, label }) => ({ value, label }))}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setAnswers({});
          }}
        />
        <Fieldset id="paper-whose" legend="Whose form is this?" legendSize="s">
          <div className="radios">
            <Choice
              id="paper-whose"
              type="radio"
              name="paper-whose"
              label="Anonymous: not linked to anyone"
              checked={!linked}
              onChange={() => setLinked(false)}
            />
            <Choice
              id="paper-whose-linked"
              type="radio"
              name="paper-whose"
              label="A participant on my caseload who put their name on it"
              checked={linked}
              onChange={() => setLinked(true)}
            />
          </div>
        </Fieldset>
        {linked && (
          <Select
            id="paper-participant"
            label="Participant"
            error={fieldError('paper-participant')}
            options={[
              { value: '', label: 'Choose a participant' },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={participantId}
            onChange={(e) => setParticipantId(e.target.value)}
          />
        )}
        <DateInput
          id="paper-date"
          legend="Date on the form"
          hint={linked ? undefined : 'For an anonymous form only the month is kept.'}
          error={fieldError('paper-date')}
          value={answeredOn}
          onChange={setAnsweredOn}
        />
        {chosen && (
          <SurveyQuestions
            survey={chosen.survey}
            answers={answers}
            onChange={setAnswers}
            idPrefix="paper"
          />
        )}
        <button type="submit" className="button">
          Save the paper form
        </button>
      </form>
    </section>
  );
}

export function SurveysPage() {
  const [offers, setOffers] = useState<SurveyToOffer[] | null>(null);
  const [definitions, setDefinitions] = useState<ProfileSurveys[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('surveys:toOffer', {}).then((r) =>
      r.ok ? setOffers(r.value) : setProblem(r.error.message),
    );
  }, []);
  useEffect(() => {
    load();
    void call('surveys:definitions', {}).then((r) =>
      r.ok ? setDefinitions(r.value) : setProblem(r.error.message),
    );
  }, [load]);

  return (
    <>
      <PageHeading>Feedback surveys</PageHeading>
      <p className="body">
        Participants are asked for feedback {MOMENT_WORDS['first-plan-review']} and{' '}
        {MOMENT_WORDS.exit}, as their charter sets out. {OPTIONAL_WORDS}
      </p>
      {problem && <p className="error-message">{problem}</p>}
      <section aria-labelledby="offer-heading">
        <h2 className="heading-m" id="offer-heading">
          Surveys to offer ({offers?.length ?? 0})
        </h2>
        <p className="body">
          Handing over the laptop locks Waymark into the survey: the participant sees only the
          questions, and your passphrase is needed to return.
        </p>
        {offers && offers.length === 0 && <p className="body">No one has a survey to offer now.</p>}
        {offers && offers.length > 0 && (
          <ul className="list survey-offers" aria-label="Surveys to offer">
            {offers.map((o) => (
              <OfferRow key={`${o.participantId}-${o.surveyId}`} offer={o} onDone={load} />
            ))}
          </ul>
        )}
      </section>
      {definitions && <PaperForm definitions={definitions} />}
      <SurveyResultsSection />
    </>
  );
}
