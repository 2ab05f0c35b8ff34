/**
 * A batch's "due" goes appointment by appointment: a change letter sent about one moved
 * appointment does not cover another appointment moved before it was sent.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { NOW, SHEFFIELD_OFFICE, participantWithInduction } from './caseload-fixture';
import { bookingSchema } from '../../src-shared/schemas/diary';
import { issueDocumentSchema } from '../../src-shared/ipc/channels/documents';

let c: TempCaseload;
afterEach(async () => c?.close());

describe('letters due in a batch', () => {
  it('counts a change letter only for the appointment it was about', async () => {
    c = await tempCaseload({ now: () => NOW });
    const svc = c.services;
    const officeId = (await svc.diary.saveOffice(SHEFFIELD_OFFICE)).id;
    const id = await participantWithInduction(c, officeId, { n: 1, start: '2026-12-02T10:00' });
    const book = (start: string, end: string) =>
      svc.diary.book(
        bookingSchema.parse({
          participantId: id,
          officeId,
          start,
          end,
          kind: 'regular',
          channel: 'in-person',
        }),
      );
    const first = await book('2026-12-08T10:00', '2026-12-08T10:30');
    const second = await book('2026-12-10T10:00', '2026-12-10T10:30');
    // Both moved, then one change letter, about the first, handed over (logged at once).
    const movedFirst = await svc.diary.move(
      first.id,
      first.version,
      '2026-12-08T14:00',
      '2026-12-08T14:30',
    );
    await svc.diary.move(second.id, second.version, '2026-12-10T14:00', '2026-12-10T14:30');
    const changeLetters = async () =>
      (await svc.documents.dueLetters())
        .find((d) => d.participantId === id)
        ?.letters.filter((l) => l.kind === 'appointment-change')
        .map((l) => l.appointmentId)
        .sort();
    expect(await changeLetters()).toEqual([first.id, second.id].sort());

    await svc.documents.issue(
      issueDocumentSchema.parse({
        kind: 'appointment-change',
        participantId: id,
        appointmentId: movedFirst.id,
        method: 'handed-over',
      }),
      recordingDesktop(join(c.dir, 'desktop')),
    );
    expect(await changeLetters()).toEqual([second.id]);
  });
});
