import { useState } from 'react';
import { SessionProvider, useSession } from './session';
import { AppShell } from './app-shell';
import { SetupPage } from '../features/session/setup-page';
import { UnlockPage } from '../features/session/unlock-page';
import { SurveyModePage } from '../features/surveys/survey-mode-page';
import { RestorePage } from '../features/session/restore-page';
import { RecoverPage } from '../features/session/recover-page';

function Gate() {
  const { status, problem } = useSession();
  // Restore (no caseload yet) and recovery (forgotten passphrase) replace set-up and unlock.
  const [other, setOther] = useState(false);
  if (!status) {
    return (
      <main className="main-wrapper width-container" id="main-content">
        <p className="body" role="status">
          {problem ?? 'Opening Waymark…'}
        </p>
      </main>
    );
  }
  if (status.state === 'uninitialised')
    return other ? (
      <RestorePage onCancel={() => setOther(false)} />
    ) : (
      <SetupPage onRestore={() => setOther(true)} />
    );
  if (status.state === 'locked')
    return other && status.recoveryKeySet ? (
      <RecoverPage onCancel={() => setOther(false)} />
    ) : (
      <UnlockPage status={status} onForgotten={() => setOther(true)} />
    );
  if (other) setOther(false);
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
