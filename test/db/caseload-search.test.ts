import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

let c: TempCaseload | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

async function seedThree(c: TempCaseload) {
  const p = c.services.participants;
  const a = await p.create(
    referralSchema.parse(
      referral({
        givenName: 'Łukasz',
        familyName: 'Żak',
        referralId: 'R-1',
        niNumber: 'AB111111A',
        referralDate: '2026-10-01',
        address: { line1: '1 A St', town: 'Leeds', postcode: 'LS1 4AP' },
      }),
    ),
  );
  const b = await p.create(
    referralSchema.parse(
      referral({
        givenName: 'Aoife',
        familyName: "O'Neill",
        referralId: 'R-2',
        niNumber: 'CE222222B',
        referralDate: '2026-09-01',
        address: { line1: '2 B St', town: 'Cardiff', postcode: 'CF10 2GE' },
      }),
    ),
  );
  const d = await p.create(
    referralSchema.parse(
      referral({
        givenName: 'Siân',
        familyName: 'ap Gruffydd',
        referralId: 'R-3',
        niNumber: 'HJ333333C',
        referralDate: '2026-11-01',
        programme: 'restart',
        address: { line1: '3 C St', town: 'Cardiff', postcode: 'CF24 4RS' },
      }),
    ),
  );
  return { a: a.id, b: b.id, d: d.id };
}

describe('caseload search and sort', () => {
  it('finds by name, NI number, postcode (with or without the space) and reference', async () => {
    c = await tempCaseload();
    await seedThree(c);
    const names = async (search: string) =>
      (await c!.services.participants.list({ search })).rows.map((r) => r.name);
    expect(await names('żak')).toEqual(['Żak, Łukasz']);
    expect(await names('ce2222')).toEqual(["O'Neill, Aoife"]);
    expect(await names('cf10 2ge')).toEqual(["O'Neill, Aoife"]);
    expect(await names('cf102ge')).toEqual(["O'Neill, Aoife"]);
    expect(await names('R-3')).toEqual(['ap Gruffydd, Siân']);
    expect(await names('cardiff')).toEqual([]); // the town is not a search field
    expect(await names('%')).toEqual([]);
  });

  it('orders names the collator counts as equal by given name, then by when they were added', async () => {
    c = await tempCaseload();
    const people: [string, string, string, string][] = [
      ['Ben', 'Jones', 'R-A', 'AB111111A'],
      ['amy', 'JÓNES', 'R-B', 'CE222222B'],
      ['Amy', 'jones', 'R-C', 'HJ333333C'],
      ['Cara', 'Adams', 'R-D', 'JK444444D'],
    ];
    for (const [givenName, familyName, referralId, niNumber] of people)
      await c.services.participants.create(
        referralSchema.parse(
          referral({ givenName, familyName, referralId, niNumber, referralDate: '2026-10-01' }),
        ),
      );
    const list = (q: object) =>
      c!.services.participants.list(q).then((p) => p.rows.map((r) => r.referralId));
    expect(await list({ sort: 'name' })).toEqual(['R-D', 'R-B', 'R-C', 'R-A']);
    // Another column's ties fall back on the name order, both ways.
    expect(await list({ sort: 'referralDate' })).toEqual(['R-D', 'R-B', 'R-C', 'R-A']);
    expect(await list({ sort: 'referralDate', direction: 'desc' })).toEqual([
      'R-A',
      'R-C',
      'R-B',
      'R-D',
    ]);
  });

  it('sorts by name with accents folded, and by other columns both ways, with filters', async () => {
    c = await tempCaseload();
    await seedThree(c);
    const list = (q: object) =>
      c!.services.participants.list(q).then((p) => p.rows.map((r) => r.referralId));
    expect(await list({ sort: 'name' })).toEqual(['R-3', 'R-2', 'R-1']);
    expect(await list({ sort: 'name', direction: 'desc' })).toEqual(['R-1', 'R-2', 'R-3']);
    expect(await list({ sort: 'referralDate' })).toEqual(['R-2', 'R-1', 'R-3']);
    expect(await list({ programme: 'restart' })).toEqual(['R-3']);
    const page = await c.services.participants.list({ sort: 'referralDate', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.rows.map((r) => r.referralId)).toEqual(['R-1']);
  });

  it('reflects a committed change at once, and not a rolled-back one', async () => {
    c = await tempCaseload();
    const { a } = await seedThree(c);
    await c.services.participants.list({}); // loads the index
    await c.services.participants.setStatus({ id: a, status: 'allocated', date: '2026-10-02' });
    expect(
      (await c.services.participants.list({ status: 'allocated' })).rows.map((r) => r.id),
    ).toEqual([a]);
    await expect(
      c.services.wp.transaction(async (w) => {
        await c!.services.participants.changeStatusIn(w, {
          id: a,
          status: 'contacted',
          date: '2026-10-03',
        });
        throw new Error('the adviser cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect((await c.services.participants.list({ status: 'contacted' })).total).toBe(0);
    expect((await c.services.participants.get(a)).status).toBe('allocated');
  });
});
