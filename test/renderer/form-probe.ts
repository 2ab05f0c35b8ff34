/**
 * For the form tests: records every channel the page calls (the call still reaches the real
 * router), so a test can say nothing was sent, and finds a field's inline error and the summary.
 */
import { screen, within } from '@testing-library/react';
import type { Channel } from '../../src-shared/ipc/contract';

export interface SentCalls {
  /** Channels called since the probe was installed, in order, with what was sent. */
  calls: { channel: Channel; input: unknown }[];
  /** What was sent to one channel, in order. */
  to(channel: Channel): unknown[];
  /** The calls a form made (isFormCall), in order: a form that found a problem makes none. */
  formCalls(): { channel: Channel; input: unknown }[];
  /** Forgets the calls so far (the set-up's own), so a test can say what one submit sent. */
  clear(): void;
}

/**
 * Calls that are not a form sending anything: the session's own pings (activity, status), and
 * the caseload's first rows, which the session asks for as soon as it is unlocked
 * (features/caseload/first-rows.ts) at a moment of its own.
 */
export const isFormCall = (channel: string): boolean =>
  !channel.startsWith('session:') && channel !== 'caseload:list';

export function recordCalls(): SentCalls {
  const real = window.waymark as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const calls: SentCalls['calls'] = [];
  const wrapped = Object.fromEntries(
    Object.entries(real).map(([channel, fn]) => [
      channel,
      (input: unknown) => {
        calls.push({ channel: channel as Channel, input });
        return fn(input);
      },
    ]),
  );
  Object.defineProperty(window, 'waymark', { value: wrapped, configurable: true });
  return {
    calls,
    to: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    formCalls: () => calls.filter((c) => isFormCall(c.channel)),
    clear: () => {
      calls.length = 0;
    },
  };
}

/** The GOV.UK error summary (role alert titled "There is a problem"). */
export const errorSummary = () =>
  screen.getAllByRole('alert').find((el) => el.textContent?.includes('There is a problem'))!;

/** The messages listed in the error summary, in order. */
export const summaryItems = () =>
  within(errorSummary())
    .getAllByRole('listitem')
    .map((li) => li.textContent);
