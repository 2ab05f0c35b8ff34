/**
 * Retention and erasure on a real encrypted caseload: the list of records past retention, legal
 * holds, deleting (nothing about the person is left in any table, the audit chain still checks,
 * also after reopening), anonymising (performance counts unchanged), erasure on request with its
 * refusal and a manager's override, and refusals that change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { RetentionService, participantHash } from '../../src-main/services/protection/retention';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';
import { DeviceReportService } from '../../src-main/services/reports/device-report';
import { PASSPHRASE, type TempCaseload } from '../support/temp-caseload';
import { personWithRecords, retentionCaseload, TODAY, type Clock } from './fixture';

let c: TempCaseload;
let clock: Clock;
let gone: string; // exited 2019: retention ended 2025
let recent: string; // exited 2024: retention runs to 2030
let service: RetentionService;
const NAME = 'Zebedee';
const NI = 'ZX 98 76 54 A';

const svc = () => new RetentionService(c.services.wp, c.services.profiles);

beforeEach(async () => {
  ({ c, clock } = await retentionCaseload());
  clock.set('2019-06-30T10:00:00Z');
  gone = await personWithRecords(c, {
    givenName: NAME,
    referralId: 'JCP-1001',
    niNumber: NI,
    referralDate: '2019-01-07',
    exit: '2019-06-28',
  });
  clock.set('2024-03-01T10:00:00Z');
  recent = await personWithRecords(c, {
    givenName: 'Philomena',
    referralId: 'JCP-1002',
    niNumber: 'ZX 11 22 33 B',
    referralDate: '2024-01-08',
    exit: '2024-02-29',
  });
  clock.set(`${TODAY}T10:00:00Z`);
  service = svc();
}, 60_000);
afterEach(() => c.close());

/** Every row of every table, as text. */
async function everyTable(): Promise<Record<string, string>> {
  const db = c.services.wp.db;
  const tables = (
    await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)
  ).rows.map((r) => r.name);
  const out: Record<string, string> = {};
  for (const t of tables)
    out[t] = JSON.stringify((await sql`SELECT * FROM ${sql.table(t)}`.execute(db)).rows);
  return out;
}

describe('the list of records past retention', () => {
  it('holds exited people whose period ended before today, with the date it ended', async () => {
    const list = await service.pastRetention();
    expect(list.map((i) => i.participantId)).toEqual([gone]);
    expect(list[0]).toMatchObject({ exitDate: '2019-06-28', retentionEndsOn: '2025-06-28' });
    // 29 February 2024 + 6 years: 28 February 2030.
    expect((await service.forParticipant(recent)).retentionEndsOn).toBe('2030-02-28');
  });

  it('leaves out people under a legal hold until it is lifted', async () => {
    const hold = await service.placeHold({ participantId: gone, reason: 'Tribunal claim' });
    expect(await service.pastRetention()).toEqual([]);
    expect((await service.holds()).map((h) => h.participantId)).toEqual([gone]);
    await expect(service.bulk('delete', [gone])).rejects.toThrow(/legal hold; nothing/);
    await expect(service.bulk('anonymise', [gone])).rejects.toThrow(/legal hold/);
    await service.liftHold({ holdId: hold.id, reason: 'Claim settled' });
    expect((await service.pastRetention()).map((i) => i.participantId)).toEqual([gone]);
    expect(await service.holds()).toEqual([]);
  });
});

describe('deleting', () => {
  it('leaves no row about the person in any table, and the audit chain still checks', async () => {
    const before = await everyTable();
    expect(before.participants).toContain(NAME);
    expect(before.change_journal).toContain(NAME);
    expect(before.plan_versions).toContain(gone);

    expect(await service.bulk('delete', [gone])).toEqual({ count: 1 });

    const after = await everyTable();
    for (const [table, rows] of Object.entries(after)) {
      for (const value of [NAME, NI, 'zebedee@example.com'])
        expect(rows, `${table} still holds ${value}`).not.toContain(value);
      // The audit log only grows: its earlier entries keep the bare id (no values).
      if (table !== 'audit_log') expect(rows, `${table} still holds the id`).not.toContain(gone);
    }
    // The other person is untouched.
    expect(after.participants).toContain('Philomena');
    expect(after.plan_versions).toContain(recent);

    const entry = await c.services.wp.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'retention.delete')
      .executeTakeFirstOrThrow();
    expect(entry.entity_id).toBeNull();
    expect(JSON.parse(entry.detail)).toEqual({ count: 1, participants: [participantHash(gone)] });
    expect(entry.detail).not.toContain(gone);
    expect(await verifyAuditLog(c.services.wp.db)).toMatchObject({ ok: true });
    // Freed pages are zeroed, and the write-ahead log (earlier copies of pages) is emptied.
    expect(await sql`PRAGMA secure_delete`.execute(c.services.wp.db)).toMatchObject({
      rows: [{ secure_delete: 1 }],
    });
    const wal = `${c.paths.database}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

    // The chain head kept outside the database still matches after reopening.
    await c.session.lock();
    await c.session.unlock(PASSPHRASE);
    expect(await verifyAuditLog(c.session.require().services.wp.db)).toMatchObject({ ok: true });
  });

  it('refuses people not yet past retention, changing nothing', async () => {
    const before = await everyTable();
    await expect(service.bulk('delete', [gone, recent])).rejects.toThrow(
      /1 of the 2 chosen records has not reached the end of its retention period; nothing was changed/,
    );
    const after = await everyTable();
    const { audit_log: _a, ...rest } = after;
    const { audit_log: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('refuses an id that is not on the caseload, changing nothing', async () => {
    await expect(service.bulk('delete', [gone, crypto.randomUUID()])).rejects.toThrow(
      /not found; nothing was changed/,
    );
    expect((await service.pastRetention()).map((i) => i.participantId)).toEqual([gone]);
  });
});

describe('anonymising', () => {
  it('removes what identifies the person and keeps the performance figures', async () => {
    const reports = new DeviceReportService(c.services.obligations);
    const period = { from: '2019-01-01', to: '2019-12-31' };
    const before = await reports.report(period);
    // The report suppresses small numbers, so the person's own obligations are compared too.
    const theirs = async () =>
      (await reports.caseloadObligations()).obligations.filter((o) => o.participantId === gone);
    const obligationsBefore = await theirs();
    expect(obligationsBefore.length).toBeGreaterThan(3);

    expect(await service.bulk('anonymise', [gone])).toEqual({ count: 1 });

    const after = await everyTable();
    for (const [table, rows] of Object.entries(after))
      for (const value of [NAME, NI, 'zebedee@example.com'])
        expect(rows, `${table} still holds ${value}`).not.toContain(value);
    const row = await c.services.wp.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', gone)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      given_name: 'Anonymised',
      programme: 'work-programme',
      referral_date: '2019-01-07',
      status: 'exited',
      phone: null,
    });
    expect(await reports.report(period)).toEqual(before);
    expect(await theirs()).toEqual(obligationsBefore);
    expect((await service.pastRetention())[0]).toMatchObject({ anonymisedOn: TODAY });
    expect(await verifyAuditLog(c.services.wp.db)).toMatchObject({ ok: true });
  });
});

describe('erasure on request (Art. 17)', () => {
  const request = { requestedOn: TODAY, ground: 'consent-withdrawn' as const };

  it('says why the records must be kept while retention runs, and a manager may override', async () => {
    const check = await service.checkRequest(recent);
    expect(check).toMatchObject({ allowed: false, overridable: true });
    expect(check.reasons[0]).toMatch(/kept until 28 February 2030 as evidence/);
    await expect(service.eraseOnRequest({ ...request, participantId: recent })).rejects.toThrow(
      /cannot be met now.*28 February 2030/,
    );
    expect((await everyTable()).participants).toContain('Philomena');

    await service.eraseOnRequest({
      ...request,
      participantId: recent,
      overrideReason: 'Contract manager agreed: no payment claimed for this person',
    });
    expect((await everyTable()).participants).not.toContain('Philomena');
    const entry = await c.services.wp.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'retention.erase-on-request')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toMatchObject({
      ground: 'consent-withdrawn',
      overridden: true,
      participants: [participantHash(recent)],
    });
  });

  it('is met without override past retention, and never under a legal hold', async () => {
    await service.placeHold({ participantId: gone, reason: 'Fraud investigation' });
    const check = await service.checkRequest(gone);
    expect(check).toMatchObject({ allowed: false, overridable: false });
    await expect(
      service.eraseOnRequest({ ...request, participantId: gone, overrideReason: 'Because' }),
    ).rejects.toThrow(/legal hold/);
    const [hold] = await service.holds();
    await service.liftHold({ holdId: hold!.id, reason: 'Closed' });
    expect(await service.checkRequest(gone)).toEqual({
      allowed: true,
      overridable: false,
      reasons: [],
    });
    await service.eraseOnRequest({ ...request, participantId: gone });
    expect(JSON.stringify(await everyTable())).not.toContain(NAME);
  });
});
