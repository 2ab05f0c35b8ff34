import { z } from 'zod';
import { channel, returns } from '../define';
import type { AdviserRole } from '../../schemas/meeting';
import {
  autoLockSchema,
  changePassphraseSchema,
  setupSchema,
  unlockSchema,
} from '../../schemas/session';

export { PASSPHRASE_MIN, newPassphrase } from '../../schemas/session';

export type SessionState = 'uninitialised' | 'locked' | 'unlocked';
export interface SessionStatus {
  state: SessionState;
  adviserName: string | null;
  /** ISO instant before which another unlock attempt is refused, after repeated failures. */
  retryAfter: string | null;
  autoLockMinutes: number;
  /** Whether the OS keychain also wraps the key on this machine. */
  osProtection: boolean;
  /**
   * Today in Europe/London by the unlocked caseload's clock (null while locked): every screen's
   * "today" comes from here, so it agrees with the dates the main process works out.
   */
  today: string | null;
  /** The locked survey mode is on: the screen shows only the survey until the passphrase. */
  surveyMode: boolean;
  /** The signed-in user's role, from their record in the caseload (null while locked). */
  role: AdviserRole | null;
  /** Whether a recovery key can open this caseload if the passphrase is forgotten. */
  recoveryKeySet: boolean;
}

export const sessionChannels = {
  'session:status': channel(z.object({}).strict(), returns<SessionStatus>()),
  'session:setup': channel(
    setupSchema,
    /** recoveryKey: shown once on the set-up screen, never stored or sent again. */
    returns<SessionStatus & { recoveryKey: string }>(),
  ),
  'session:unlock': channel(unlockSchema, returns<SessionStatus>()),
  'session:lock': channel(z.object({}).strict(), returns<SessionStatus>()),
  /** The renderer reports user activity so the inactivity timer restarts. */
  'session:activity': channel(z.object({}).strict(), returns<null>()),
  'session:changePassphrase': channel(changePassphraseSchema, returns<null>()),
  'session:setAutoLock': channel(autoLockSchema, returns<SessionStatus>()),
};
