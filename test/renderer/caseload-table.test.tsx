import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { CaseloadPageRow, CaseloadSort } from '../../src-shared/ipc/channels/caseload';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonWallClock } from '../../src-shared/wording/dates';
import { referralSchema } from '../../src-shared/schemas/participant';
import { CaseloadTable } from '../../src-renderer/features/caseload/caseload-table';
import { CaseloadPage } from '../../src-renderer/features/caseload/caseload-page';
import { referral } from '../support/referrals';
import { giveElementsASize, installRealBackend, type RealBackend } from './real-backend';

const rows: CaseloadPageRow[] = Array.from({ length: 300 }, (_, i) => ({
  id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  referralId: `JCP-${i}`,
  name: `Person ${String(i).padStart(3, '0')}`,
  preferredName: null,
  niNumber: 'AB123456C',
  postcode: 'S1 2AB',
  programme: 'restart',
  status: 'referred',
  referralDate: '2026-11-02',
  nation: 'england-and-wales',
  updatedAt: '2026-11-02T10:00:00.000Z',
  due:
    i === 0
      ? { nextDue: '2026-11-12', overdue: 2, dueThisWeek: 1 }
      : i === 1
        ? null
        : { nextDue: null, overdue: 0, dueThisWeek: 0 },
}));

function Harness() {
  const [sort, setSort] = useState<CaseloadSort>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const requested: [number, number][] = [];
  return (
    <CaseloadTable
      total={rows.length}
      rowAt={(i) => rows[i]}
      ensureRange={(a, b) => requested.push([a, b])}
      sort={sort}
      direction={direction}
      onSort={(s) => {
        setDirection(s === sort && direction === 'asc' ? 'desc' : 'asc');
        setSort(s);
      }}
    />
  );
}

let restoreSize: () => void;
beforeAll(() => {
  restoreSize = giveElementsASize();
});
afterAll(() => restoreSize());
afterEach(cleanup);

describe('CaseloadTable', () => {
  it('is a table whose virtual rows carry their position in the whole list', () => {
    render(<Harness />);
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '301');
    const bodyRows = table.querySelectorAll('tbody tr[aria-rowindex]');
    // A window of rows, not all 300.
    expect(bodyRows.length).toBeGreaterThan(5);
    expect(bodyRows.length).toBeLessThan(60);
    expect(bodyRows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(
      within(bodyRows[0] as HTMLElement).getByRole('link', { name: 'Person 000' }),
    ).toHaveAttribute('href', `#/participants/${rows[0]!.id}`);
    expect(within(bodyRows[0] as HTMLElement).getByText('AB 12 34 56 C')).toBeInTheDocument();
  });

  it('shows the next due date and how many are overdue, in words', () => {
    render(<Harness />);
    const bodyRows = screen.getByRole('table').querySelectorAll('tbody tr[aria-rowindex]');
    const [first, second, third] = [...bodyRows].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    );
    const due = screen.getAllByRole('columnheader').findIndex((h) => h.textContent === 'Next due');
    expect(first![due]).toBe('12 Nov 2026');
    expect(first![due + 1]).toBe('2 overdue');
    // No obligations could be worked out, and none open: both say so plainly.
    expect(second![due]).toBe('Nothing open');
    expect(third![due]).toBe('Nothing open');
    expect(third![due + 1]).toBe('None');
  });

  it('marks the sorted column with aria-sort and toggles direction from its button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const name = screen.getByRole('columnheader', { name: /^Name/ });
    const date = screen.getByRole('columnheader', { name: /Referral date/ });
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    expect(date).toHaveAttribute('aria-sort', 'none');
    // NI number is not sortable: no aria-sort and no button.
    const ni = screen.getByRole('columnheader', { name: 'NI number' });
    expect(ni).not.toHaveAttribute('aria-sort');
    expect(within(ni).queryByRole('button')).toBeNull();

    await user.click(within(name).getByRole('button'));
    expect(name).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(date).getByRole('button'));
    expect(date).toHaveAttribute('aria-sort', 'ascending');
    expect(name).toHaveAttribute('aria-sort', 'none');
    // Sort buttons are reachable by keyboard.
    within(date).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(date).toHaveAttribute('aria-sort', 'descending');
  });
});

describe('CaseloadPage over a real caseload', () => {
  let real: RealBackend;
  beforeAll(async () => {
    real = await installRealBackend();
    const { services } = real.backend.session.require();
    for (const [i, [given, family, date]] of [
      ['Bea', 'Adams', '2026-10-03'],
      ['Cal', 'Brown', '2026-10-01'],
      ['Ada', 'Clarke', '2026-10-02'],
    ].entries()) {
      await services.participants.create(
        referralSchema.parse(
          referral({
            givenName: given,
            familyName: family,
            referralId: `JCP-T${i}`,
            referralDate: date,
            niNumber: `AB 12 34 5${i} C`,
          }),
        ),
      );
    }
  });
  afterAll(() => real.close());

  const names = () =>
    Array.from(document.querySelectorAll('tbody tr[aria-rowindex] a')).map((a) => a.textContent);

  it('sorts by a column through caseload:list and announces the count', async () => {
    const user = userEvent.setup();
    render(<CaseloadPage />);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('3 participants on your caseload'),
    );
    await waitFor(() => expect(names()).toEqual(['Adams, Bea', 'Brown, Cal', 'Clarke, Ada']));

    await user.click(screen.getByRole('button', { name: /Referral date/ }));
    await waitFor(() => expect(names()).toEqual(['Brown, Cal', 'Clarke, Ada', 'Adams, Bea']));
    await user.click(screen.getByRole('button', { name: /Referral date/ }));
    await waitFor(() => expect(names()).toEqual(['Adams, Bea', 'Clarke, Ada', 'Brown, Cal']));
    expect(screen.getByRole('columnheader', { name: /Referral date/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'clarke');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('1 participant found for “clarke”'),
    );
    expect(names()).toEqual(['Clarke, Ada']);
  });

  it('filters to participants with something overdue, worked out by the charter engine', async () => {
    const user = userEvent.setup();
    const { services } = real.backend.session.require();
    const today = londonWallClock(new Date()).slice(0, 10);
    // Referred 60 days ago and never allocated: R1 (allocation within 10 days) is overdue.
    await services.participants.create(
      referralSchema.parse(
        referral({
          givenName: 'Dee',
          familyName: 'Overdue',
          referralId: 'JCP-T9',
          referralDate: addDays(today, -60),
          dateOfBirth: '1990-01-01',
          niNumber: 'AB 12 34 59 C',
        }),
      ),
    );
    // Referred today: R1 is open and not yet due, so nothing is overdue.
    await services.participants.create(
      referralSchema.parse(
        referral({
          givenName: 'Eve',
          familyName: 'Recent',
          referralId: 'JCP-T10',
          referralDate: today,
          dateOfBirth: '1990-01-01',
          niNumber: 'AB 12 34 60 C',
        }),
      ),
    );
    render(<CaseloadPage />);
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await waitFor(() => expect(names()).toContain('Recent, Eve'));
    const recent = screen.getByRole('link', { name: 'Recent, Eve' }).closest('tr')!;
    expect(within(recent).queryByText(/overdue$/)).toBeNull();
    expect(within(recent).queryByText('Nothing open')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'What is due' }), 'overdue');
    await waitFor(() => expect(names()).toContain('Overdue, Dee'));
    expect(names()).not.toContain('Recent, Eve');
    const row = screen.getByRole('link', { name: 'Overdue, Dee' }).closest('tr')!;
    expect(within(row).getByText(/^\d+ overdue$/)).toBeInTheDocument();
  });
});
