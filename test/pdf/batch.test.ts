import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempCaseload } from '../support/temp-caseload';
import { caseloadWithOffice, participantWithInduction } from './caseload-fixture';
import { pageCount, pdfText } from './pdf-reader';
import { recordingDesktop } from '../support/recording-desktop';

let c: TempCaseload;
afterEach(async () => c?.close());

const bytesOf = (b64: string) => Buffer.from(b64, 'base64');

describe('batch printing on a worker thread', () => {
  it('makes everyone’s due letter, skips a late date, and logs each only when it is printed', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const docs = c.services.documents;
    const due: string[] = [];
    for (let n = 0; n < 4; n++) due.push(await participantWithInduction(c, s.officeId, { n }));
    const late = await participantWithInduction(c, s.officeId, {
      n: 10,
      start: '2026-12-09T10:00',
    });
    const alreadySent = await participantWithInduction(c, s.officeId, { n: 11 });
    await docs.issueInduction({ participantId: alreadySent, method: 'printed', options: {} });
    expect((await docs.dueInductionLetters()).sort()).toEqual([...due, late].sort());

    const started = await docs.startBatch({ due: true, output: 'separate', options: {} });
    expect(started).toMatchObject({ state: 'running', total: 4, done: 0 });
    expect(started.skipped).toEqual([
      {
        participantId: late,
        reason: expect.stringMatching(/after 4 December 2026, the last day the charter allows/),
      },
    ]);
    const finished = await docs.batchFinished(started.batchId);
    expect(finished).toMatchObject({ state: 'finished', total: 4, done: 4 });
    // Made is not printed: nothing new is logged and everyone is still due.
    expect(await c.services.wp.db.selectFrom('letter_log').select('id').execute()).toHaveLength(1);
    const desktop = recordingDesktop(`${c.dir}/desktop`);
    desktop.printAnswers.push(false);
    await docs.batchFileAction(started.batchId, 'print', 0, desktop);
    await docs.batchFileAction(started.batchId, 'save', 1, desktop);
    expect((await docs.dueInductionLetters()).sort()).toEqual([...due, late].sort());

    for (let i = 0; i < 4; i++) {
      // Printed twice, logged once.
      await docs.batchFileAction(started.batchId, 'print', i, desktop);
      await docs.batchFileAction(started.batchId, 'print', i, desktop);
      const file = docs.batchFile(started.batchId, i);
      expect(file.fileName).toMatch(/^JCP-\d{4}-induction-letter\.pdf$/);
      const bytes = bytesOf(file.pdfBase64);
      expect(await pdfText(bytes)).toContain('Dear Zofia,');
      const hash = createHash('sha256').update(bytes).digest('hex');
      const logged = await c.services.wp.db
        .selectFrom('letter_log')
        .select(['id', 'method'])
        .where('content_sha256', '=', hash)
        .execute();
      expect(logged).toHaveLength(1);
      expect(logged[0]!.method).toBe('printed');
      // The worker's bytes are what a reprint on the main thread gives.
      expect((await docs.reprint(logged[0]!.id, 'printed')).identical).toBe(true);
    }
    expect(await docs.dueInductionLetters()).toEqual([late]);
  });

  it('makes one print file holding every letter’s pages', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push(await participantWithInduction(c, s.officeId, { n }));
    const started = await c.services.documents.startBatch({
      participantIds: ids,
      output: 'single',
      options: { largePrint: true },
    });
    expect(await c.services.documents.batchFinished(started.batchId)).toMatchObject({
      state: 'finished',
      done: 3,
    });
    const single = bytesOf(c.services.documents.batchFile(started.batchId).pdfBase64);
    const one = await c.services.documents.preview(ids[0]!, { largePrint: true });
    expect(await pageCount(single)).toBe(3 * (await pageCount(bytesOf(one.pdfBase64))));
    expect((await pdfText(single)).match(/Dear Zofia,/g)).toHaveLength(3);
    // Printing the print file logs every letter in it.
    const desktop = recordingDesktop(`${c.dir}/desktop`);
    await c.services.documents.batchFileAction(started.batchId, 'print', undefined, desktop);
    expect(await c.services.documents.dueInductionLetters()).toEqual([]);
  });

  it('stops when cancelled, keeping only the letters already made, none logged unprinted', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push(await participantWithInduction(c, s.officeId, { n }));
    const started = await c.services.documents.startBatch({
      participantIds: ids,
      output: 'separate',
      options: {},
    });
    c.services.documents.batchCancel(started.batchId);
    const end = await c.services.documents.batchFinished(started.batchId);
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeLessThan(12);
    expect(() => c.services.documents.batchFileBytes(started.batchId, end.done)).toThrow(
      /has no document/,
    );
    const logged = await c.services.wp.db.selectFrom('letter_log').select('id').execute();
    expect(logged).toHaveLength(0);
  });

  it('refuses an unknown batch by name', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    expect(() =>
      c.services.documents.batchProgress('0190a000-0000-7000-8000-000000000000'),
    ).toThrow(/That batch was not found/);
  });
});
