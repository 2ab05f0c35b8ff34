/**
 * Surveys on the device: which participants have one to offer (their governing profile's surveys
 * at the first plan review and at exit), offers and refusals, answers from the locked survey mode
 * or a paper form, and results with the report's small-number suppression.
 *
 * Anonymity: an anonymous response is written with no participant id in its row, its journal
 * payload or its audit entry; its id is a random UUIDv4 and it keeps only the month. The offer
 * record names the participant but never says whether or how they answered.
 */
import { v4 as uuidv4 } from 'uuid';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import type { ProfileService } from '../obligations/charter-profiles';
import { londonDate } from '@shared/domain/identity/civil-date';
import { surveysOf, type SurveyDefinition } from '@shared/domain/surveys/survey-definition';
import {
  checkAnswers,
  SurveyAnswerError,
  type SurveyAnswers,
} from '@shared/domain/surveys/survey-answers';
import {
  satisfactionTrend,
  surveyResults,
  type StoredResponse,
} from '@shared/domain/surveys/survey-results';
import { DEFAULT_MIN_CELL } from '@shared/domain/report/anonymise';
import type {
  ProfileSurveys,
  SurveyResultsView,
  SurveyToOffer,
} from '@shared/ipc/channels/surveys';
import type { ChannelParsed } from '@shared/ipc/contract';

type SurveyResponsesTable = {
  id: string;
  profile_id: string;
  survey_id: string;
  participant_id: string | null;
  month: string;
  answered_on: string | null;
  method: string;
  answers: string;
};

type SurveyOffersTable = {
  participant_id: string;
  survey_id: string;
  offered_on: string;
  outcome: string;
};

type Tables = { survey_responses: SurveyResponsesTable; survey_offers: SurveyOffersTable };

export const RESPONSE_METHODS = ['locked-device', 'paper'] as const;
export type ResponseMethod = (typeof RESPONSE_METHODS)[number];

export interface NewResponse {
  profileId: string;
  surveyId: string;
  /** null: anonymous. */
  participantId: string | null;
  answeredOn: string;
  method: ResponseMethod;
  answers: SurveyAnswers;
}

/** A survey chosen for someone: the profile it comes from and its definition. */
export interface ChosenSurvey {
  profileId: string;
  survey: SurveyDefinition;
}

export class SurveyService {
  constructor(
    private readonly wp: WritePath,
    private readonly profiles: ProfileService,
  ) {}

  private get db() {
    return this.wp.db.withTables<Tables>();
  }

  private today(): string {
    return londonDate(this.wp.now());
  }

  /** Every profile's surveys (shipped profiles and managers' copies in force). */
  async definitions(): Promise<ProfileSurveys[]> {
    const { profiles } = await this.profiles.list();
    const out: ProfileSurveys[] = [];
    for (const summary of profiles) {
      const { profile } = await this.profiles.get(summary.id);
      out.push({
        profileId: profile.id,
        profileName: profile.name,
        surveys: [...surveysOf(profile)],
      });
    }
    return out;
  }

  async survey(profileId: string, surveyId: string): Promise<ChosenSurvey> {
    const { profile } = await this.profiles.get(profileId);
    const survey = surveysOf(profile).find((s) => s.id === surveyId);
    if (!survey) throw new AppError('invalid-input', 'That profile has no such survey', 'surveyId');
    return { profileId: profile.id, survey };
  }

  /** The survey a participant's governing profile sets with this id. */
  async surveyFor(participantId: string, surveyId: string): Promise<ChosenSurvey> {
    const p = await this.wp.db
      .selectFrom('participants')
      .select(['charter_profile', 'programme'])
      .where('id', '=', participantId)
      .executeTakeFirst();
    if (!p) throw notFound('That participant');
    const { profile } = await this.profiles.governing(
      { charterProfile: p.charter_profile, programme: p.programme },
      this.today(),
    );
    const survey = surveysOf(profile).find((s) => s.id === surveyId);
    if (!survey)
      throw new AppError(
        'invalid-input',
        'This participant’s charter has no such survey',
        'surveyId',
      );
    return { profileId: profile.id, survey };
  }

  /**
   * Participants whose moment has come and who have not been offered that survey: after the first
   * review of the plan (a second agreed version exists) and on leaving (status exited). Someone
   * who has left is offered only the exit survey.
   */
  async toOffer(): Promise<SurveyToOffer[]> {
    const rows = await this.wp.db
      .selectFrom('participants as p')
      .select([
        'p.id',
        'p.given_name',
        'p.family_name',
        'p.preferred_name',
        'p.status',
        'p.charter_profile',
        'p.programme',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('plan_versions as v')
              .select('v.id')
              .whereRef('v.participant_id', '=', 'p.id')
              .where('v.number', '>=', 2),
          )
          .as('reviewed'),
      )
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .execute();
    const offered = new Set(
      (
        await this.db.selectFrom('survey_offers').select(['participant_id', 'survey_id']).execute()
      ).map((o) => `${o.participant_id} ${o.survey_id}`),
    );
    const resolve = await this.profiles.resolver();
    const today = this.today();
    const out: SurveyToOffer[] = [];
    for (const p of rows) {
      const moment = p.status === 'exited' ? 'exit' : p.reviewed ? 'first-plan-review' : null;
      if (!moment) continue;
      const { profile } = resolve(
        { charterProfile: p.charter_profile, programme: p.programme },
        today,
      );
      for (const s of surveysOf(profile)) {
        if (s.when !== moment || offered.has(`${p.id} ${s.id}`)) continue;
        out.push({
          participantId: p.id,
          name: `${p.preferred_name ?? p.given_name} ${p.family_name}`,
          profileId: profile.id,
          surveyId: s.id,
          surveyTitle: s.title,
          when: moment,
        });
      }
    }
    return out;
  }

  /** Records that the survey was offered (or turned down), so it is not offered again. */
  async recordOffer(participantId: string, surveyId: string, outcome: 'offered' | 'declined') {
    await this.surveyFor(participantId, surveyId);
    await this.wp.transaction(async (w) => {
      const trx = w.trx.withTables<Tables>();
      const row = {
        participant_id: participantId,
        survey_id: surveyId,
        offered_on: this.today(),
        outcome,
      };
      await trx
        .insertInto('survey_offers')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['participant_id', 'survey_id'])
            .doUpdateSet({ outcome, offered_on: row.offered_on }),
        )
        .execute();
      await w.record({
        action: `survey.${outcome === 'declined' ? 'decline' : 'offer'}`,
        entityType: 'survey_offer',
        entityId: participantId,
        op: 'insert',
        payload: { participantId, surveyId, offeredOn: row.offered_on, outcome },
        detail: { survey: surveyId },
      });
    });
  }

  /**
   * Saves one person's answers. Anonymous (participantId null): the row, the journal payload and
   * the audit entry carry no participant id, no date (only the month) and a random id.
   */
  /** The participant said no when offered the survey: recorded so it is not offered again. */
  async decline(participantId: string, surveyId: string): Promise<null> {
    await this.recordOffer(participantId, surveyId, 'declined');
    return null;
  }

  /** A paper form typed in by the adviser. */
  async recordPaper(input: ChannelParsed<'surveys:recordPaper'>): Promise<{ recorded: true }> {
    await this.record({ ...input, method: 'paper' });
    return { recorded: true };
  }

  async record(input: NewResponse): Promise<void> {
    const chosen =
      input.participantId === null
        ? await this.survey(input.profileId, input.surveyId)
        : await this.surveyFor(input.participantId, input.surveyId);
    if (input.answeredOn > this.today())
      throw new AppError(
        'invalid-input',
        'The date answered cannot be in the future',
        'answeredOn',
      );
    let answers: SurveyAnswers;
    try {
      answers = checkAnswers(chosen.survey, input.answers);
    } catch (error) {
      if (error instanceof SurveyAnswerError)
        throw new AppError('invalid-input', error.message, error.field);
      throw error;
    }
    if (Object.keys(answers).length === 0)
      throw new AppError('invalid-input', 'There are no answers to save', 'answers');
    const anonymous = input.participantId === null;
    const row: SurveyResponsesTable = {
      id: uuidv4(),
      profile_id: chosen.profileId,
      survey_id: chosen.survey.id,
      participant_id: input.participantId,
      month: input.answeredOn.slice(0, 7),
      answered_on: anonymous ? null : input.answeredOn,
      method: input.method,
      answers: JSON.stringify(answers),
    };
    await this.wp.transaction(async (w) => {
      await w.trx.withTables<Tables>().insertInto('survey_responses').values(row).execute();
      await w.record({
        action: 'survey.answer',
        entityType: 'survey_response',
        entityId: row.id,
        op: 'insert',
        payload: {
          id: row.id,
          profileId: row.profile_id,
          surveyId: row.survey_id,
          ...(anonymous ? {} : { participantId: row.participant_id, answeredOn: row.answered_on }),
          month: row.month,
          method: row.method,
          answers,
        },
        detail: { survey: row.survey_id, method: row.method, anonymous },
      });
    });
  }

  /** Results over months from..to, and the satisfaction trend for the 12 months ending `to`. */
  async results(
    period: { from: string; to: string },
    minCell = DEFAULT_MIN_CELL,
  ): Promise<SurveyResultsView> {
    const rows = await this.db
      .selectFrom('survey_responses')
      .select(['survey_id', 'month', 'answers'])
      .execute();
    const responses: StoredResponse[] = rows.map((r) => ({
      surveyId: r.survey_id,
      month: r.month,
      answers: JSON.parse(r.answers) as SurveyAnswers,
    }));
    // Surveys of the same id are the same survey across profiles (the defaults are shared).
    const byId = new Map<string, SurveyDefinition>();
    for (const p of await this.definitions())
      for (const s of p.surveys) if (!byId.has(s.id)) byId.set(s.id, s);
    const surveys = [...byId.values()];
    return {
      ...period,
      minCell,
      surveys: surveyResults(surveys, responses, period, minCell),
      trend: satisfactionTrend(surveys, responses, period.to, minCell),
    };
  }
}
