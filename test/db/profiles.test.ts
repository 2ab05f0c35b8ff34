import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';
import { referralSchema } from '../../src-shared/schemas/participant';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import type { CharterProfile } from '../../src-shared/domain/charter/profile';
import { createRouter } from '../../src-main/ipc/router';
import { createHandlers } from '../../src-main/ipc/handlers';
import { APP_ORIGIN } from '../../src-main/app/backend';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';

const clock = new Date('2026-11-05T12:00:00Z');
let c: TempCaseload;
beforeEach(async () => {
  c = await tempCaseload({ now: () => clock });
});
afterEach(() => c.close());

const call = (channel: string, input: unknown) =>
  createRouter(createHandlers(c.session), { trustedOrigins: [APP_ORIGIN] })(
    channel,
    input,
    APP_ORIGIN,
  );

/** The shipped Work Programme profile as a provider's copy with a 5-day allocation promise. */
function acme(days = 5): CharterProfile {
  const wp = structuredClone(shippedProfile('work-programme')!);
  wp.id = 'acme-work-programme';
  wp.name = 'Acme Work Programme';
  wp.rules.R1.days = days;
  wp.rules.R1.promise = `Allocate you to an adviser within ${days} days of referral.`;
  return wp;
}

// Provisioned as a manager (in real use: `init --role manager`); a user never raises their own role.
const makeManager = async () =>
  void c.session.require().opened.raw.prepare("UPDATE advisers SET role = 'manager'").run();

describe('charter profiles a manager can edit', () => {
  it('a copy with changed numbers changes the participant’s due dates and wording', async () => {
    await makeManager();
    const saved = await c.services.profiles.saveCopy({
      basedOn: 'work-programme',
      profile: acme(5),
    });
    expect(saved).toMatchObject({ id: 'acme-work-programme', version: 1, kind: 'copy' });
    const { id } = await c.services.participants.create(
      referralSchema.parse(referral({ charterProfile: 'acme-work-programme' })),
    );
    const r1 = async () =>
      (await c.services.obligations.forParticipant(id)).obligations.find((o) => o.rule === 'R1');
    // Referred Monday 2 November: 5 days is Saturday the 7th, moved back to Friday the 6th.
    expect(await r1()).toMatchObject({
      due: '2026-11-06',
      profileName: 'Acme Work Programme',
      profileVersion: 1,
      promise: 'Allocate you to an adviser within 5 days of referral.',
    });
    // A new version applies at once to everyone on the profile.
    await c.services.profiles.saveCopy({
      basedOn: 'acme-work-programme',
      expectedVersion: 1,
      profile: acme(8),
    });
    expect(await r1()).toMatchObject({ due: '2026-11-10', profileVersion: 2 });
    // Both versions are kept; the list shows the one in force.
    const versions = await c.services.wp.db
      .selectFrom('charter_profiles')
      .select('version')
      .where('id', '=', 'acme-work-programme')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const list = await c.services.profiles.list();
    expect(list.canEdit).toBe(true);
    expect(list.profiles.map((p) => [p.id, p.kind, p.version])).toEqual([
      ['work-programme', 'shipped', 0],
      ['no-one-left-behind', 'shipped', 0],
      ['acme-work-programme', 'copy', 2],
    ]);
  });

  it('each save is audited and journalled, and the audit chain still verifies', async () => {
    await makeManager();
    await c.services.profiles.saveCopy({ basedOn: 'work-programme', profile: acme() });
    const audit = await c.services.wp.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('action', 'in', ['charter-profile.save', 'adviser.role'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['charter-profile.save']);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      profileId: 'acme-work-programme',
      version: 1,
      basedOn: 'work-programme',
    });
    const journal = await c.services.wp.db
      .selectFrom('change_journal')
      .select(['entity_type', 'entity_id', 'op'])
      .where('entity_type', '=', 'charter_profile')
      .execute();
    expect(journal).toEqual([
      { entity_type: 'charter_profile', entity_id: 'acme-work-programme@1', op: 'insert' },
    ]);
    expect((await verifyAuditLog(c.services.wp.db)).ok).toBe(true);
  });

  it('a non-manager cannot save a profile, and nothing changes', async () => {
    const before = await snapshot(c.services.wp.db);
    await expect(
      c.services.profiles.saveCopy({ basedOn: 'work-programme', profile: acme() }),
    ).rejects.toMatchObject({ code: 'refused', message: /Only a manager/ });
    const viaIpc = await call('profiles:saveCopy', { basedOn: 'work-programme', profile: acme() });
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
    expect((await c.services.profiles.list()).canEdit).toBe(false);
  });

  it('refuses bad values naming the field, and changes nothing', async () => {
    await makeManager();
    const before = await snapshot(c.services.wp.db);
    const bad = (change: (p: CharterProfile) => void) => {
      const p = acme() as unknown as CharterProfile;
      change(p);
      return call('profiles:saveCopy', { basedOn: 'work-programme', profile: p });
    };
    expect(await bad((p) => (p.rules.R1.days = 0))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profile.rules.R1.days' },
    });
    expect(await bad((p) => (p.rules.R6.meetingsPerMonth = 2.5))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profile.rules.R6.meetingsPerMonth' },
    });
    expect(await bad((p) => (p.rules.R3.promise = '  '))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profile.rules.R3.promise' },
    });
    expect(await bad((p) => (p.id = 'Acme Profile'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profile.id' },
    });
    expect(await bad((p) => (p.id = 'work-programme'))).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'profile.id' },
    });
    expect(
      await call('profiles:saveCopy', { basedOn: 'nonexistent', profile: acme() }),
    ).toMatchObject({ ok: false, error: { code: 'not-found', field: 'basedOn' } });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
  });

  it('refuses to overwrite a copy someone else saved meanwhile', async () => {
    await makeManager();
    await c.services.profiles.saveCopy({ basedOn: 'work-programme', profile: acme() });
    await expect(
      c.services.profiles.saveCopy({ basedOn: 'work-programme', profile: acme(6) }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'profile.id' });
    await c.services.profiles.saveCopy({
      basedOn: 'acme-work-programme',
      expectedVersion: 1,
      profile: acme(6),
    });
    await expect(
      c.services.profiles.saveCopy({
        basedOn: 'acme-work-programme',
        expectedVersion: 1,
        profile: acme(7),
      }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'expectedVersion' });
    expect((await c.services.profiles.get('acme-work-programme')).profile.rules.R1.days).toBe(6);
  });

  it('gets a shipped profile or a copy by id, and says when there is none', async () => {
    expect(await call('profiles:get', { id: 'no-one-left-behind' })).toMatchObject({
      ok: true,
      value: { kind: 'shipped', profile: { name: 'No One Left Behind (Scotland)' } },
    });
    expect(await call('profiles:get', { id: 'nothing-here' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
