/**
 * Recovery: a forgotten passphrase is replaced with the recovery key shown once at set-up (a
 * second wrap of the database key), and the key itself can be replaced. Unlocking with it works
 * before anyone is signed in.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { newPassphrase, type SessionStatus } from './session';

const recoveryKey = z
  .string()
  .trim()
  .min(1, 'Enter your recovery key')
  .max(64, 'A recovery key is 24 letters and numbers, in groups of four');

export const recoveryChannels = {
  'recovery:unlock': channel(
    z
      .object({ recoveryKey, next: newPassphrase, confirm: z.string() })
      .strict()
      .refine((v) => v.next === v.confirm, {
        path: ['confirm'],
        message: 'The new passphrases do not match',
      }),
    returns<SessionStatus>(),
  ),
  /** Replaces the recovery key (the old one stops working); the new one is shown once. */
  'recovery:replace': channel(
    z.object({ passphrase: z.string().min(1, 'Enter your passphrase').max(1024) }).strict(),
    returns<{ recoveryKey: string }>(),
  ),
};
