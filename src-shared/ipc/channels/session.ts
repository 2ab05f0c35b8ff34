import { z } from 'zod';
import { channel, returns } from '../define';
import type { AdviserRole } from '../../schemas/meeting';

export const PASSPHRASE_MIN = 12;
const passphrase = z.string().min(1, 'Enter your passphrase').max(1024);
export const newPassphrase = z
  .string()
  .min(PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters; a few unrelated words work well`)
  .max(1024);

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
    z
      .object({
        adviserName: z.string().trim().min(1, 'Enter your name').max(80),
        passphrase: newPassphrase,
        confirm: z.string(),
      })
      .strict()
      .refine((v) => v.passphrase === v.confirm, {
        path: ['confirm'],
        message: 'The passphrases do not match',
      }),
    /** recoveryKey: shown once on the set-up screen, never stored or sent again. */
    returns<SessionStatus & { recoveryKey: string }>(),
  ),
  'session:unlock': channel(z.object({ passphrase }).strict(), returns<SessionStatus>()),
  'session:lock': channel(z.object({}).strict(), returns<SessionStatus>()),
  /** The renderer reports user activity so the inactivity timer restarts. */
  'session:activity': channel(z.object({}).strict(), returns<null>()),
  'session:changePassphrase': channel(
    z
      .object({ current: passphrase, next: newPassphrase, confirm: z.string() })
      .strict()
      .refine((v) => v.next === v.confirm, {
        path: ['confirm'],
        message: 'The new passphrases do not match',
      }),
    returns<null>(),
  ),
  'session:setAutoLock': channel(
    z.object({ minutes: z.number().int().min(1).max(60) }).strict(),
    returns<SessionStatus>(),
  ),
};
