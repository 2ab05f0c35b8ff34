/**
 * Validation happens once, at the router: an input the contract refuses never reaches a handler,
 * and a handler receives the schema's output (defaults filled in), so services need not re-parse.
 */
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../src-main/ipc/router';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';

const ORIGIN = 'app://waymark';

/** Real router, handlers that only record what they were given. */
function recordingRouter() {
  const calls: { channel: string; input: unknown }[] = [];
  const handlers = new Proxy(
    {},
    {
      get: (_t, channel: string) => (input: unknown) => {
        calls.push({ channel, input });
        return null;
      },
    },
  ) as Handlers;
  return { calls, router: createRouter(handlers, { trustedOrigins: [ORIGIN] }) };
}

const participantId = '0190a4c2-3b7e-7c1d-8f00-000000000001';
const officeId = '0190a4c2-3b7e-7c1d-8f00-000000000002';

describe('validation at the router', () => {
  it('never calls a handler with input its channel refuses', async () => {
    const { calls, router } = recordingRouter();
    for (const channel of CHANNEL_NAMES)
      for (const junk of [null, 7, 'x', [], { unexpected: true }]) {
        const result = await router(channel, junk, ORIGIN);
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    expect(calls).toEqual([]);
  });

  it('refuses an accepted plan meeting that ends before it starts (a rule the diary service used to re-check)', async () => {
    const { calls, router } = recordingRouter();
    const meeting = { start: '2026-12-01T10:00', end: '2026-12-01T09:30', channel: 'phone' };
    expect(
      await router('diary:acceptPlan', { participantId, meetings: [meeting] }, ORIGIN),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The appointment must end after it starts',
        field: 'meetings.0.end',
      },
    });
    const inPerson = { start: '2026-12-01T10:00', end: '2026-12-01T10:30', channel: 'in-person' };
    expect(
      await router('diary:acceptPlan', { participantId, meetings: [inPerson] }, ORIGIN),
    ).toMatchObject({ ok: false, error: { field: 'meetings.0.officeId' } });
    expect(calls).toEqual([]);
    const fine = { ...inPerson, officeId };
    expect(
      await router('diary:acceptPlan', { participantId, meetings: [fine] }, ORIGIN),
    ).toMatchObject({ ok: true });
    expect(calls).toEqual([
      { channel: 'diary:acceptPlan', input: { participantId, meetings: [fine] } },
    ]);
  });

  it('refuses a move to another day or backwards in time before the diary service sees it', async () => {
    const { calls, router } = recordingRouter();
    const move = { id: officeId, version: 1, start: '2026-12-01T10:00' };
    expect(await router('diary:move', { ...move, end: '2026-12-02T10:30' }, ORIGIN)).toMatchObject({
      ok: false,
      error: { message: 'An appointment must start and end on the same day', field: 'end' },
    });
    expect(await router('diary:move', { ...move, end: '2026-12-01T10:00' }, ORIGIN)).toMatchObject({
      ok: false,
      error: { message: 'The appointment must end after it starts' },
    });
    expect(calls).toEqual([]);
    expect(await router('diary:move', { ...move, end: '2026-12-01T10:30' }, ORIGIN)).toMatchObject({
      ok: true,
    });
    expect(calls).toHaveLength(1);
  });

  it('hands the handler the parsed input, defaults filled in', async () => {
    const { calls, router } = recordingRouter();
    expect(await router('caseload:list', {}, ORIGIN)).toMatchObject({ ok: true });
    expect(calls).toEqual([
      {
        channel: 'caseload:list',
        input: { search: '', sort: 'name', direction: 'asc', offset: 0, limit: 100 },
      },
    ]);
  });
});
