/**
 * Surveys: who has one to offer now (from their charter profile), handing the laptop over in
 * the locked survey mode, typing in a paper form, and the results with small numbers hidden.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Controller,
  useForm,
  type FieldError,
  type FieldErrors,
  type Resolver,
} from 'react-hook-form';
import { paperSurveySchema, type PaperSurvey } from '@shared/schemas/surveys';
import type { ProfileSurveys, SurveyToOffer } from '@shared/ipc/channels/surveys';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import { MOMENT_WORDS, OPTIONAL_WORDS } from '@shared/domain/surveys/survey-words';
import type { CaseloadRow } from '@shared/schemas/participant';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';
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

interface PaperValues {
  choice: string;
  whose: 'anonymous' | 'linked';
  participantId: string;
  answeredOn: string;
  answers: SurveyAnswers;
}

/**
 * The paper form against the shared schema the main process checks. A form with no answer is
 * refused here too (the main process says the same), beside the first question.
 */
function paperResolver(
  choices: { value: string; profileId: string; survey: { id: string } }[],
): Resolver<PaperValues, unknown, PaperSurvey> {
  const base = schemaResolver<PaperValues, PaperSurvey>(
    paperSurveySchema,
    (v) => {
      const chosen = choices.find((c) => c.value === v.choice);
      return {
        profileId: chosen?.profileId ?? '',
        surveyId: chosen?.survey.id ?? '',
        participantId: v.whose === 'linked' ? v.participantId : null,
        answeredOn: toCivilDate(v.answeredOn),
        answers: v.answers,
      };
    },
    ['answeredOn'],
  );
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (Object.keys(values.answers).length === 0)
      return {
        values: {},
        errors: {
          ...result.errors,
          answers: { type: 'validate', message: 'Enter at least one answer from the form' },
        } as unknown as FieldErrors<PaperValues>,
      };
    return result;
  };
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
  const [people, setPeople] = useState<CaseloadRow[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [saved, setSaved] = useState(0);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PaperValues, unknown, PaperSurvey>({
    resolver: paperResolver(choices),
    defaultValues: {
      choice: choices[0]?.value ?? '',
      whose: 'anonymous',
      participantId: '',
      answeredOn: today,
      answers: {},
    },
    shouldFocusError: false,
  });
  const chosen = choices.find((c) => c.value === watch('choice'));
  const linked = watch('whose') === 'linked';
  const answersError = (errors.answers as FieldError | undefined)?.message;
  // Errors on the answers belong to the first question: that is where the adviser starts.
  const ids = {
    participantId: 'paper-participant',
    answeredOn: 'paper-date',
    answers: `paper-${chosen?.survey.questions[0]?.id ?? 'survey'}`,
  };

  useEffect(() => {
    if (!linked || people.length > 0) return;
    void call('caseload:list', { limit: 1000 }).then((r) => {
      if (r.ok) setPeople(r.value.rows);
    });
  }, [linked, people.length]);

  const save = async (paper: PaperSurvey) => {
    setGeneral(null);
    const r = await call('surveys:recordPaper', paper);
    if (r.ok) {
      setValue('answers', {});
      return setSaved((n) => n + 1);
    }
    const field = r.error.field ?? '';
    setSaved(0);
    if (field === 'answeredOn' || field === 'participantId')
      setError(field, { type: 'server', message: r.error.message });
    else if (field === 'answers' || field.startsWith('answers.'))
      setError('answers', {
        type: 'server',
        message: field === 'answers' ? 'Enter at least one answer from the form' : r.error.message,
      });
    else setGeneral(r.error.message);
    setFailures((n) => n + 1);
  };
  const failed = () => {
    setSaved(0);
    setFailures((n) => n + 1);
  };

  return (
    <section aria-labelledby="paper-heading">
      <h2 className="heading-m" id="paper-heading">
        Enter a paper form
      </h2>
      {saved > 0 && (
        // A new banner for each form saved, so each one takes focus and is announced.
        <NotificationBanner key={saved} title="Saved" success>
          The paper form was saved.
        </NotificationBanner>
      )}
      <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={failures} />
      <form noValidate onSubmit={(e) => void handleSubmit(save, failed)(e)}>
        <Select
          id="paper-survey"
          label="Which survey"
          options={choices.map(({ value, label }) => ({ value, label }))}
          {...register('choice', { onChange: () => setValue('answers', {}) })}
        />
        <Fieldset id="paper-whose" legend="Whose form is this?" legendSize="s">
          <div className="radios">
            <Choice
              id="paper-whose"
              type="radio"
              label="Anonymous: not linked to anyone"
              value="anonymous"
              {...register('whose')}
            />
            <Choice
              id="paper-whose-linked"
              type="radio"
              label="A participant on my caseload who put their name on it"
              value="linked"
              {...register('whose')}
            />
          </div>
        </Fieldset>
        {linked && (
          <Select
            id={ids.participantId}
            label="Participant"
            error={errors.participantId?.message}
            options={[
              { value: '', label: 'Choose a participant' },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...register('participantId')}
          />
        )}
        <ControlledDateInput
          control={control}
          name="answeredOn"
          id={ids.answeredOn}
          legend="Date on the form"
          hint={linked ? undefined : 'For an anonymous form only the month is kept.'}
          error={errors.answeredOn?.message}
        />
        {chosen && (
          <Controller
            control={control}
            name="answers"
            render={({ field }) => (
              <SurveyQuestions
                survey={chosen.survey}
                answers={field.value}
                onChange={field.onChange}
                idPrefix="paper"
                errors={
                  answersError && chosen.survey.questions[0]
                    ? { [chosen.survey.questions[0].id]: answersError }
                    : {}
                }
              />
            )}
          />
        )}
        <button type="submit" className="button" disabled={isSubmitting}>
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
