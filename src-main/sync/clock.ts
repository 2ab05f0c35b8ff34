/**
 * Clocks. Local writes keep their own HLC (the device's wall clock); what is sent to the server is
 * that HLC moved by the offset learned from the server's `serverTime`, never later than the
 * server's present, and strictly after the last HLC this device sent. So a laptop hours out still
 * syncs with its writes in order, and nothing future-dated reaches the server (Actual #8905),
 * while the local journal is never rewritten.
 */
import { formatHlc, parseHlc } from '../write-path/hlc';

/** Server time minus local time, from one request: the midpoint of send and receive. */
export function offsetFrom(serverTime: string, sentAt: number, receivedAt: number): number {
  return Math.round(Date.parse(serverTime) - (sentAt + receivedAt) / 2);
}

/** Skew worth telling the adviser about (the server refuses HLCs more than 5 minutes ahead). */
export const REPORTED_SKEW_MS = 2 * 60_000;

/** "Your computer's clock is 63 minutes fast", or null when it is close enough. */
export function skewMessage(offsetMs: number): string | null {
  if (Math.abs(offsetMs) < REPORTED_SKEW_MS) return null;
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const amount =
    minutes >= 120 && minutes % 60 === 0
      ? `${minutes / 60} hours`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  // offset = server − local: a negative offset means the local clock is ahead.
  return `Your computer's clock is ${amount} ${offsetMs < 0 ? 'fast' : 'slow'}. Set it to the right time; your changes are kept and will sync.`;
}

/** The HLC to send for a journal entry (see the file comment). */
export function hlcToSend(
  localHlc: string,
  offsetMs: number,
  serverNowMs: number,
  lastSent: string | null,
): string {
  const local = parseHlc(localHlc);
  let millis = Math.min(local.millis + offsetMs, serverNowMs);
  let counter = local.counter;
  if (lastSent) {
    const last = parseHlc(lastSent);
    if (millis < last.millis || (millis === last.millis && counter <= last.counter)) {
      millis = last.millis;
      counter = last.counter + 1;
      if (counter > 0xffff) {
        millis += 1;
        counter = 0;
      }
    }
  }
  return formatHlc({ millis, counter, node: local.node });
}
