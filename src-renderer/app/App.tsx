import { SessionProvider, useSession } from './session';
import { AppShell } from './app-shell';
import { SetupPage } from '../features/session/setup-page';
import { UnlockPage } from '../features/session/unlock-page';
import { SurveyModePage } from '../features/surveys/survey-mode-page';

function Gate() {
  const { status, problem } = useSession();
  if (!status) {
    return (
      <main className="main-wrapper width-container" id="main-content">
        <p className="body" role="status">
          {problem ?? 'Opening Waymark…'}
        </p>
      </main>
    );
  }
  if (status.state === 'uninitialised') return <SetupPage />;
  if (status.state === 'locked') return <UnlockPage status={status} />;
  // The participant holds the laptop: only the survey shows until the adviser's passphrase.
  if (status.surveyMode) return <SurveyModePage />;
  return <AppShell adviserName={status.adviserName ?? ''} />;
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
