/**
 * What the session screens ask for: set-up, unlock, a passphrase change, the auto-lock time and
 * the recovery key. Shared by the forms and the IPC boundary, so a rule is checked the same way
 * on both sides. No message ever repeats what was typed: a passphrase never reaches an error.
 */
import { z } from 'zod';

export const PASSPHRASE_MIN = 12;
const PASSPHRASE_MAX = 1024;
const TOO_LONG = `Use at most ${PASSPHRASE_MAX} characters`;

/** A passphrase being entered to open something: any non-empty text. */
export const passphrase = z.string().min(1, 'Enter your passphrase').max(PASSPHRASE_MAX, TOO_LONG);

/** A passphrase being chosen: the strength rule. */
export const newPassphrase = z
  .string()
  .min(PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters; a few unrelated words work well`)
  .max(PASSPHRASE_MAX, TOO_LONG);

export const setupSchema = z
  .object({
    adviserName: z.string().trim().min(1, 'Enter your name').max(80, 'Use at most 80 characters'),
    passphrase: newPassphrase,
    confirm: z.string(),
  })
  .strict()
  .refine((v) => v.passphrase === v.confirm, {
    path: ['confirm'],
    message: 'The passphrases do not match',
  });
export type SetupInput = z.output<typeof setupSchema>;

export const unlockSchema = z.object({ passphrase }).strict();
export type UnlockInput = z.output<typeof unlockSchema>;

export const changePassphraseSchema = z
  .object({ current: passphrase, next: newPassphrase, confirm: z.string() })
  .strict()
  .refine((v) => v.next === v.confirm, {
    path: ['confirm'],
    message: 'The new passphrases do not match',
  });
export type ChangePassphraseInput = z.output<typeof changePassphraseSchema>;

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 60;
const AUTO_LOCK_WORDS = `Enter a whole number of minutes from ${AUTO_LOCK_MIN} to ${AUTO_LOCK_MAX}`;
export const autoLockSchema = z
  .object({
    minutes: z
      .number({ error: AUTO_LOCK_WORDS })
      .int(AUTO_LOCK_WORDS)
      .min(AUTO_LOCK_MIN, AUTO_LOCK_WORDS)
      .max(AUTO_LOCK_MAX, AUTO_LOCK_WORDS),
  })
  .strict();
export type AutoLockInput = z.output<typeof autoLockSchema>;

export const recoveryKey = z
  .string()
  .trim()
  .min(1, 'Enter your recovery key')
  .max(64, 'A recovery key is 24 letters and numbers, in groups of four');

export const recoveryUnlockSchema = z
  .object({ recoveryKey, next: newPassphrase, confirm: z.string() })
  .strict()
  .refine((v) => v.next === v.confirm, {
    path: ['confirm'],
    message: 'The new passphrases do not match',
  });
export type RecoveryUnlockInput = z.output<typeof recoveryUnlockSchema>;

/** A new recovery key needs the passphrase, so a passer-by at an unlocked screen cannot make one. */
export const recoveryReplaceSchema = z.object({ passphrase }).strict();
export type RecoveryReplaceInput = z.output<typeof recoveryReplaceSchema>;
