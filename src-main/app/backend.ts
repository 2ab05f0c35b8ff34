/**
 * The main process without Electron: a session and the router over it. The Electron shell and
 * the browser test harness both build exactly this.
 */
import { createRouter, type Router } from '../ipc/router';
import { createHandlers } from '../ipc/handlers';
import { Session, type SessionOptions } from './session';
import { SURVEY_MODE_CHANNELS } from '@shared/ipc/channels/surveys';

export const APP_ORIGIN = 'app://waymark';

export const SURVEY_MODE_REFUSAL = {
  code: 'refused',
  message: 'A survey is in progress. The adviser’s passphrase is needed to leave it.',
} as const;

export interface Backend {
  session: Session;
  router: Router;
}

export function createBackend(
  options: SessionOptions & { trustedOrigins?: readonly string[] },
): Backend {
  const session = new Session(options);
  const route = createRouter(createHandlers(session), {
    trustedOrigins: options.trustedOrigins ?? [APP_ORIGIN],
    signedIn: () => session.signedIn(),
    // Only the channel and the error's class: messages of driver errors can quote values.
    onInternalError: (channel, error) =>
      console.error(`[waymark] ${channel} failed: ${(error as Error)?.name ?? 'error'}`),
  });
  const router: Router = async (channel, input, origin) => {
    // The locked survey mode: the participant holds the laptop, so nothing else is served.
    if (session.inSurveyMode() && !(SURVEY_MODE_CHANNELS as readonly string[]).includes(channel))
      return { ok: false, error: SURVEY_MODE_REFUSAL };
    const result = await route(channel, input, origin);
    if (channel !== 'session:status') session.touch();
    return result;
  };
  return { session, router };
}
