/**
 * Devices: one-time enrolment codes, per-device bearer tokens (only their hashes are stored),
 * revocation. Enrolment is idempotent for the device that started it: a retry with the same code
 * and deviceKey (a lost reply) gets the same device and a fresh token, so the code is not burnt.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EnrolRequest, EnrolResponse } from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';
import { iso } from '../db/open';
import { AdminError, SyncError } from '../errors';
import { audit, currentEpoch, currentOrganisation, requireUser } from './organisation';

export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
// Crockford base32 without look-alikes: read aloud or typed from a letter without mistakes.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Case, spaces and dashes do not matter when a person types the code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

function newCode(): string {
  const bytes = randomBytes(15);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b & 31];
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10, 15)}`;
}

export const newToken = () => randomBytes(32).toString('base64url');

export async function createEnrolmentCode(
  db: Kysely<CentralDatabase>,
  adviserId: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: string }> {
  const org = await currentOrganisation(db);
  const user = await requireUser(db, adviserId);
  if (user.organisation_id !== org.id) throw new AdminError('not-found', 'No adviser with that id');
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS).toISOString();
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: sha256(normaliseCode(code)),
      organisation_id: org.id,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      device_key: null,
      device_id: null,
    })
    .execute();
  await audit(
    db,
    org.id,
    'admin',
    'enrolment.code',
    { type: 'user', id: user.id },
    { expiresAt },
    now,
  );
  return { code, expiresAt };
}

export async function enrolDevice(
  db: Kysely<CentralDatabase>,
  req: EnrolRequest,
  now = new Date(),
): Promise<EnrolResponse> {
  const token = newToken();
  const tokenHash = sha256(token);
  const at = now.toISOString();
  const deviceId = await db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('code_hash', '=', sha256(normaliseCode(req.code)))
      .forUpdate()
      .executeTakeFirst();
    if (!code) throw new SyncError(400, 'code_unknown', 'That enrolment code is not known');
    if (code.expires_at.getTime() <= now.getTime())
      throw new SyncError(
        410,
        'code_expired',
        'That enrolment code has expired: ask for a new one',
      );
    if (code.used_at && code.device_key !== req.deviceKey)
      throw new SyncError(
        410,
        'code_used',
        'That enrolment code has already been used by another device',
      );
    const existing = await trx
      .selectFrom('devices')
      .selectAll()
      .where('device_key', '=', req.deviceKey)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.revoked_at)
      throw new SyncError(403, 'device_revoked', 'This device has been revoked');
    if (existing && existing.user_id !== code.user_id)
      throw new SyncError(400, 'invalid_request', 'This device is enrolled for another user', {});
    let id: string;
    if (existing) {
      // The same device again (a retry after a lost reply, or a new code): new token, same id.
      id = existing.id;
      await trx
        .updateTable('devices')
        .set({ token_hash: tokenHash, last_seen_at: at, name: req.deviceName ?? existing.name })
        .where('id', '=', id)
        .execute();
    } else {
      id = randomUUID();
      await trx
        .insertInto('devices')
        .values({
          id,
          organisation_id: code.organisation_id,
          user_id: code.user_id,
          device_key: req.deviceKey,
          name: req.deviceName ?? null,
          token_hash: tokenHash,
          enrolled_at: at,
          last_seen_at: at,
          revoked_at: null,
          applied_seq: 0,
        })
        .execute();
    }
    if (!code.used_at)
      await trx
        .updateTable('enrolment_codes')
        .set({ used_at: at, device_key: req.deviceKey, device_id: id })
        .where('code_hash', '=', code.code_hash)
        .execute();
    await audit(
      trx,
      code.organisation_id,
      `device ${id}`,
      existing ? 'device.reenrol' : 'device.enrol',
      { type: 'device', id },
      {},
      now,
    );
    return id;
  });
  const device = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .innerJoin('organisations', 'organisations.id', 'devices.organisation_id')
    .select([
      'users.id as userId',
      'users.name as userName',
      'users.role',
      'users.office_id',
      'organisations.id as orgId',
      'organisations.name as orgName',
    ])
    .where('devices.id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return {
    deviceId,
    token,
    adviser: {
      id: device.userId,
      name: device.userName,
      role: device.role,
      officeId: device.office_id,
    },
    organisation: { id: device.orgId, name: device.orgName },
    epoch: await currentEpoch(db),
    serverTime: at,
  };
}

export interface AuthedDevice {
  id: string;
  organisationId: string;
  userId: string;
}

/** The device behind a bearer token; 401 for an unknown token, 403 for a revoked device. */
export async function authenticate(
  db: Kysely<CentralDatabase>,
  authorization: string | undefined,
): Promise<AuthedDevice> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  if (!m)
    throw new SyncError(401, 'unauthorised', 'A device token is needed (Authorization: Bearer)');
  const device = await db
    .selectFrom('devices')
    .select(['id', 'organisation_id', 'user_id', 'revoked_at'])
    .where('token_hash', '=', sha256(m[1]!))
    .executeTakeFirst();
  if (!device) throw new SyncError(401, 'unauthorised', 'That device token is not valid');
  if (device.revoked_at)
    throw new SyncError(
      403,
      'device_revoked',
      'This device has been revoked: sync is locked on it',
    );
  return { id: device.id, organisationId: device.organisation_id, userId: device.user_id };
}

export async function revokeDevice(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  now = new Date(),
): Promise<{ revoked: true }> {
  const device = await db
    .selectFrom('devices')
    .select(['id', 'organisation_id', 'revoked_at'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
  if (!device) throw new AdminError('not-found', 'No device with that id');
  if (!device.revoked_at)
    await db
      .updateTable('devices')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', deviceId)
      .execute();
  await audit(
    db,
    device.organisation_id,
    'admin',
    'device.revoke',
    { type: 'device', id: deviceId },
    {},
    now,
  );
  return { revoked: true };
}

export async function listDevices(db: Kysely<CentralDatabase>) {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'user_id', 'enrolled_at', 'last_seen_at', 'revoked_at'])
    .orderBy('enrolled_at')
    .orderBy('id')
    .execute();
  return {
    devices: rows.map((d) => ({
      id: d.id,
      adviserId: d.user_id,
      enrolledAt: iso(d.enrolled_at),
      lastSeenAt: iso(d.last_seen_at),
      revoked: d.revoked_at !== null,
    })),
  };
}
