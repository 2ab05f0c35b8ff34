import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { PASSPHRASE, tempDir, type TempCaseload } from '../support/temp-caseload';
import { caseloadWithOffice, participantWithInduction } from './caseload-fixture';
import { pdfText } from './pdf-reader';

let c: TempCaseload;
let ids: string[];
const out = tempDir('waymark letters ');
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };

beforeAll(async () => {
  const s = await caseloadWithOffice();
  c = s.c;
  ids = [
    await participantWithInduction(c, s.officeId, {
      n: 1,
      referral: { givenName: 'Dafydd', familyName: 'Llŷr' },
    }),
    await participantWithInduction(c, s.officeId, {
      n: 2,
      referral: { givenName: 'Siân', familyName: 'ap Gruffydd' },
    }),
    await participantWithInduction(c, s.officeId, { n: 3, start: '2026-12-10T10:00' }),
  ];
  await c.session.lock('quit');
});
afterAll(() => {
  out.cleanup();
  c.close().catch(() => undefined);
});

describe('letters on the command line', () => {
  it('writes one PDF per participant (by id or referral id), logged as printed', async () => {
    const r = await runCli(
      [
        'letters',
        '--db',
        c.paths.database,
        '--kind',
        'induction',
        '--participants',
        `${ids[0]},JCP-0002`,
        '--out',
        out.dir,
        '--welsh',
        '--large-print',
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { written: { participant: string; file: string }[] };
    expect(summary.written.map((w) => w.participant)).toEqual([ids[0], 'JCP-0002']);
    expect(readdirSync(out.dir).sort()).toEqual(
      [`${ids[0]}-induction-letter.pdf`, 'JCP-0002-induction-letter.pdf'].sort(),
    );
    const text = await pdfText(readFileSync(join(out.dir, 'JCP-0002-induction-letter.pdf')));
    expect(text).toContain('Annwyl Siân,');
    expect(text).toContain('Dear Siân,');

    await c.session.unlock(PASSPHRASE);
    const log = await c.session.require().services.documents.log(ids[0]!);
    expect(log).toMatchObject([{ method: 'printed', language: 'cy-en', largePrint: true }]);
    await c.session.lock('quit');
  });

  it('refuses a date outside the charter window with exit code 6 and says why', async () => {
    const r = await runCli(
      [
        'letters',
        '--db',
        c.paths.database,
        '--kind',
        'induction',
        '--participants',
        'JCP-0003,JCP-9999',
        '--out',
        out.dir,
      ],
      { env },
    );
    expect(r.code).toBe(6);
    const summary = JSON.parse(r.stdout) as { refused: { participant: string; reason: string }[] };
    expect(summary.refused).toEqual([
      {
        participant: 'JCP-0003',
        reason: expect.stringMatching(/after 4 December 2026, the last day the charter allows/),
      },
      { participant: 'JCP-9999', reason: 'No participant with that id or referral id' },
    ]);
  });
});
