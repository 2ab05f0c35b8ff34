/**
 * Recovery: a forgotten passphrase is replaced with the recovery key shown once at set-up (a
 * second wrap of the database key), and the key itself can be replaced. Unlocking with it works
 * before anyone is signed in.
 */
import { channel, returns } from '../define';
import type { SessionStatus } from './session';
import { recoveryReplaceSchema, recoveryUnlockSchema } from '../../schemas/session';

export const recoveryChannels = {
  'recovery:unlock': channel(recoveryUnlockSchema, returns<SessionStatus>()),
  /** Replaces the recovery key (the old one stops working); the new one is shown once. */
  'recovery:replace': channel(recoveryReplaceSchema, returns<{ recoveryKey: string }>()),
};
