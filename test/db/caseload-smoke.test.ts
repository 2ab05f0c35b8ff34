import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

let c: TempCaseload;
afterEach(async () => c?.close());

describe('a new caseload', () => {
  it('creates a participant with its audit and journal entries in one go', async () => {
    c = await tempCaseload();
    const { id } = await c.services.participants.create(referralSchema.parse(referral()));
    const p = await c.services.participants.get(id);
    expect(p.niNumber).toBe('AB123456C');
    expect(p.address.postcode).toBe('S1 2AB');
    const db = c.services.wp.db;
    const journal = await db.selectFrom('change_journal').select(['entity_type', 'op']).execute();
    expect(journal).toEqual([
      { entity_type: 'participant', op: 'insert' },
      { entity_type: 'participant_event', op: 'append' },
    ]);
    const audit = await db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'participant.create',
      'participant.event.referral',
      'participant.open',
    ]);
  });
});
