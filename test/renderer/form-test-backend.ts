/**
 * The set-up the form-error tests share: a real encrypted caseload behind the real router on a
 * fixed day, the calls the forms sent (form-probe), a typed call straight to the router that is
 * not recorded (to set up data), and day arithmetic from that day. Registers its own
 * beforeEach/afterEach, so call it once at the top of a test file.
 */
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { Services } from '../../src-main/app/services';
import { recordCalls, type SentCalls } from './form-probe';
import { installRealBackend, type RealBackend } from './real-backend';

export interface FormTestBackend {
  services(): Services;
  /** Every channel a form called and what it sent (the session's own pings left out). */
  probe(): SentCalls;
  /** Every channel a form called, in order: a form that found a problem calls none. */
  sent(): string[];
  /** A call straight to the real router (not through the recorded api), typed as the contract says. */
  ask<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The civil date `n` days from the test's day. */
  days(n: number): string;
}

export function formTestBackend(today: string): FormTestBackend {
  let real: RealBackend;
  let probe: SentCalls;
  beforeEach(async () => {
    real = await installRealBackend({ now: () => new Date(`${today}T10:00:00Z`) });
    probe = recordCalls();
  });
  afterEach(async () => {
    cleanup();
    await real.close();
  });
  return {
    services: () => real.backend.session.require().services,
    probe: () => probe,
    sent: () => probe.formCalls().map((c) => c.channel),
    async ask<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const r = (await real.backend.router(channel, input, 'app://waymark')) as Result<
        ChannelOutput<C>
      >;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    days: (n) => {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    },
  };
}
