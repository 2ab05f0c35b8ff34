/**
 * The participant page's sync panel and the conflicts screen for one participant, over the real
 * router and a real encrypted caseload that syncs with the real central service on loopback; the
 * other laptop is a second real caseload. Before enrolment the records are kept only on this
 * computer; after an edit two changes wait (with the time in words); after a sync they are
 * synced; after the other laptop renamed the participant too, the panel links to the
 * participant's conflicts, which name each side's adviser, computer and time. A participant
 * reallocated away while this computer's change to them was refused is kept, says why, and
 * leaves only when the adviser discards the refused change after confirming.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Participant } from '../../src-shared/schemas/participant';
import { referralSchema } from '../../src-shared/schemas/participant';
import { ParticipantSyncPanel } from '../../src-renderer/features/sync/participant-sync-panel';
import { ConflictsPage } from '../../src-renderer/features/sync/conflicts-page';
import { CaseloadTable } from '../../src-renderer/features/caseload/caseload-table';
import { referral } from '../support/referrals';
import { giveElementsASize, installRealBackend, type RealBackend } from './real-backend';
import { enrol, newDevice, startCentral, type Central, type Device } from '../sync/harness';

let real: RealBackend;
let central: Central;
let cover: Device;
beforeAll(async () => {
  central = await startCentral();
  real = await installRealBackend();
  cover = await newDevice();
  // The central service's database starts slowly on a loaded machine.
}, 180_000);
afterAll(async () => {
  await cover?.close();
  await real?.close();
  await central?.close();
}, 60_000);
afterEach(() => cleanup());

type Services = ReturnType<RealBackend['backend']['session']['require']>['services'];

async function rename(
  participants: Services['participants'],
  id: string,
  givenName: string,
): Promise<void> {
  const p: Participant = await participants.get(id);
  const { id: _id, status, exitReason, version, createdAt, updatedAt, ...rest } = p;
  void [_id, status, exitReason, createdAt, updatedAt];
  await participants.update(id, version, { ...rest, givenName });
}

async function panelSays(pid: string) {
  render(<ParticipantSyncPanel participantId={pid} />);
  return screen.findByRole('region', { name: /^Sync:/ });
}

describe('sync on the participant page', () => {
  it('says local, waiting, synced and conflict in words, and the conflict names both authors', async () => {
    const services = real.backend.session.require().services;
    const { id: pid } = await services.participants.create(
      referralSchema.parse(referral({ givenName: 'Zofia', referralId: 'JCP-8801' })),
    );

    let panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: Kept only on this computer');
    expect(panel).toHaveTextContent('these records are kept only on this computer');
    cleanup();

    const adaId = await central.addAdviser('Ada Adviser');
    const caraId = await central.addAdviser('Cara Cover');
    await services.sync.client.enrol(central.url, await central.code(adaId));
    await services.sync.client.sync();
    panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: Synced');
    expect(panel).toHaveTextContent(
      'Every change to these records on this computer is on the service.',
    );
    cleanup();

    await rename(services.participants, pid, 'Zosia');
    await services.participants.setStatus({ id: pid, status: 'allocated', date: '2026-11-20' });
    // The rename, the status change and its timeline entry: every one queued for the service.
    const queued = (await services.wp.db.selectFrom('sync_outbox').select('seq').execute()).length;
    expect(queued).toBeGreaterThanOrEqual(2);
    panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: Waiting to sync');
    expect(panel).toHaveTextContent(
      new RegExp(
        `${queued} changes to these records are waiting to go to the service, since today at \\d\\d:\\d\\d\\.`,
      ),
    );
    expect(panel.textContent).not.toMatch(/\d{4}-\d\d-\d\dT/);
    cleanup();

    // The caseload marks this participant (and only after enrolment).
    const markers = await real.backend.router('sync:caseload', {}, 'app://waymark');
    expect(markers).toMatchObject({ ok: true, value: [{ participantId: pid, pending: queued }] });

    await services.sync.client.sync();
    panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: Synced');
    cleanup();

    // The cover laptop renames too and syncs first; this computer's rename is then refused.
    await central.allocate(pid, caraId, 'cover');
    const coverSync = await enrol(central, cover, caraId);
    await coverSync.sync();
    await central.store.db
      .updateTable('devices')
      .set({ name: 'COVER-LAPTOP' })
      .where('user_id', '=', caraId)
      .execute();
    await rename(cover.c.services.participants, pid, 'Zuzanna');
    await rename(services.participants, pid, 'Zofija');
    await coverSync.sync();
    await services.sync.client.sync();

    panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: 1 value to choose');
    const link = within(panel).getByRole('link', { name: 'Choose which value to keep' });
    expect(link).toHaveAttribute('href', `#/sync/conflicts/${pid}`);
    cleanup();

    render(<ConflictsPage participantId={pid} />);
    const conflict = await screen.findByRole('region', { name: /: given name$/ });
    const mine = within(conflict).getByRole('radio', { name: /On this computer/ });
    const theirs = within(conflict).getByRole('radio', { name: /On the service/ });
    expect(mine).toHaveAccessibleName(
      /^On this computer\s*Zofija\s*Ada Adviser on this computer, today at \d\d:\d\d\.$/,
    );
    expect(theirs).toHaveAccessibleName(
      /^On the service, changed elsewhere\s*Zuzanna\s*Cara Cover on COVER-LAPTOP, today at \d\d:\d\d\. The service holds this value\.$/,
    );
    expect(screen.getByText(/Conflicts for Zuzanna \S+ only\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the participant' })).toHaveAttribute(
      'href',
      `#/participants/${pid}`,
    );
    cleanup();

    // Another participant's conflicts screen lists none of these.
    const { id: other } = await services.participants.create(
      referralSchema.parse(
        referral({ givenName: 'Olek', referralId: 'JCP-8802', niNumber: 'AB 12 34 57 C' }),
      ),
    );
    render(<ConflictsPage participantId={other} />);
    expect(await screen.findByText(/There are no conflicts/)).toBeInTheDocument();
  }, 120_000);

  it('keeps a participant reallocated away for a refused change, says why, and removes them once it is discarded', async () => {
    const user = userEvent.setup();
    const services = real.backend.session.require().services;
    const state = await services.wp.db
      .selectFrom('sync_state')
      .selectAll()
      .executeTakeFirstOrThrow();
    if (!state.device_id)
      await services.sync.client.enrol(
        central.url,
        await central.code(await central.addAdviser('Ada Adviser')),
      );
    const { id: pid } = await services.participants.create(
      referralSchema.parse(
        referral({ givenName: 'Halina', referralId: 'JCP-8803', niNumber: 'AB 12 34 58 C' }),
      ),
    );
    await services.sync.client.sync();
    await central.allocate(pid, await central.addAdviser('Nell Next'), 'owner');
    await rename(services.participants, pid, 'Halka');
    await services.sync.client.sync();

    const panel = await panelSays(pid);
    expect(panel).toHaveAccessibleName('Sync: 1 change refused by the service');
    expect(panel).toHaveTextContent(
      'This participant has been allocated to another adviser, so the service no longer sends their records here.',
    );
    expect(panel).toHaveTextContent(
      'The service says this participant is no longer on your caseload.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Discard the refused change' }));
    const confirm = within(panel).getByRole('button', { name: 'Yes, discard it' });
    expect(confirm).toHaveFocus();
    expect(within(panel).getByRole('group')).toHaveTextContent(
      'they will then be removed from this computer',
    );
    // Cancel changes nothing; the participant is still here.
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(within(panel).queryByRole('group')).toBeNull();
    expect(
      await services.wp.db.selectFrom('participants').select('id').where('id', '=', pid).execute(),
    ).toHaveLength(1);

    await user.click(within(panel).getByRole('button', { name: 'Discard the refused change' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, discard it' }));
    const gone = await screen.findByRole('region', { name: 'Sync: Removed from this computer' });
    expect(within(gone).getByText(/has been removed from this computer/)).toHaveFocus();
    expect(within(gone).getByRole('link', { name: 'Back to the caseload' })).toHaveAttribute(
      'href',
      '#/caseload',
    );
    expect(
      await services.wp.db.selectFrom('participants').select('id').where('id', '=', pid).execute(),
    ).toEqual([]);
  }, 120_000);

  it('marks a caseload row with unsynced changes or a conflict, and nothing otherwise', () => {
    const row = (i: number) => ({
      id: `00000000-0000-7000-8000-00000000000${i}`,
      referralId: `JCP-${i}`,
      name: `Person ${i}`,
      preferredName: null,
      niNumber: 'AB123456C',
      postcode: 'S1 2AB',
      programme: 'restart' as const,
      status: 'referred' as const,
      referralDate: '2026-11-02',
      nation: 'england-and-wales' as const,
      updatedAt: '2026-11-02T10:00:00.000Z',
      due: null,
    });
    const rows = [row(1), row(2), row(3)];
    const restore = giveElementsASize();
    afterEach(restore);
    render(
      <CaseloadTable
        total={3}
        rowAt={(i) => rows[i]}
        ensureRange={() => {}}
        sort="name"
        direction="asc"
        onSort={() => {}}
        syncMarkers={
          new Map([
            [rows[0]!.id, { participantId: rows[0]!.id, pending: 2, conflicts: 0, quarantined: 0 }],
            [rows[1]!.id, { participantId: rows[1]!.id, pending: 0, conflicts: 1, quarantined: 0 }],
          ])
        }
      />,
    );
    const cellOf = (name: string) => screen.getByRole('link', { name }).closest('td')!;
    expect(cellOf('Person 1')).toHaveTextContent('Not synced yet');
    expect(cellOf('Person 2')).toHaveTextContent('Sync conflict');
    expect(cellOf('Person 3')).toHaveTextContent(/^Person 3$/);
  });
});
