import type { Session } from '../../app/session';
import { SurveyService } from '../../services/surveys/survey-service';
import type { Handlers } from '../router';
import { CentralReportService } from '../../services/reports/central-report';

/** Surveys: the locked mode lives in the session (main process), the records in the service. */
export const surveyHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `surveys:${string}`>> => {
  const surveys = () => {
    const { services } = session.require();
    return new SurveyService(services.wp, services.profiles);
  };
  return {
    'surveys:definitions': () => surveys().definitions(),
    'surveys:toOffer': () => surveys().toOffer(),
    'surveys:decline': ({ participantId, surveyId }) => surveys().decline(participantId, surveyId),
    'surveys:startLocked': ({ participantId, surveyId, anonymous }) =>
      session.startSurveyMode(participantId, surveyId, anonymous),
    'surveys:current': () => session.surveyModeView(),
    'surveys:submit': ({ answers }) => session.submitSurvey(answers),
    'surveys:leave': ({ passphrase }) => session.leaveSurveyMode(passphrase),
    'surveys:recordPaper': (input) => surveys().recordPaper(input),
    'surveys:results': ({ from, to }) => surveys().results({ from, to }),
  };
};

/** The manager's figures from the central service, or the last fetched when it is out of reach. */
export const centralReportHandlers = (
  session: Session,
): Pick<Handlers, 'organisation:performance'> => ({
  'organisation:performance': (query) =>
    new CentralReportService(session.require().services.wp).fetch(query),
});
