/**
 * The bank holidays the working-day calendar uses for a nation and year. Years gov.uk has not
 * published yet are computed by the statutory rules and marked "Projected", so an adviser can
 * see which deadlines rest on a date that could still change.
 */
import { useMemo, useState } from 'react';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { NATIONS, type Nation } from '@shared/domain/calendar/nations';
import { Select } from '../../components/fields';
import { NATION_LABELS as NATION_LABEL } from '@shared/wording/labels';
import { weekdayDayMonthYear as dateLabel } from '@shared/wording/dates';

/** `today` is the caseload's (useToday), passed in so the panel never reads the wall clock. */
export function BankHolidays({ today }: { today: string }) {
  const thisYear = Number(today.slice(0, 4));
  const [nation, setNation] = useState<Nation>('england-and-wales');
  const [year, setYear] = useState(thisYear);
  const calendars = useMemo(() => calendarsFrom(), []);
  const holidays = calendars[nation].holidays(year);
  const projected = holidays.some((h) => h.projected);
  return (
    <section aria-labelledby="bank-holidays-title" className="diary-bank-holidays">
      <h2 className="heading-m" id="bank-holidays-title">
        Bank holidays
      </h2>
      <div className="diary-bank-holidays__choices">
        <Select
          id="bank-holidays-nation"
          label="Nation"
          value={nation}
          onChange={(e) => setNation(e.target.value as Nation)}
          options={NATIONS.map((n) => ({ value: n, label: NATION_LABEL[n] }))}
        />
        <Select
          id="bank-holidays-year"
          label="Year"
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
          options={[0, 1, 2, 3].map((k) => ({
            value: String(thisYear - 1 + k),
            label: String(thisYear - 1 + k),
          }))}
        />
      </div>
      {projected && (
        <p className="body">
          gov.uk has not published {year} yet. These dates are computed from the rules (Easter,
          fixed days, substitute days) and may change; a one-off holiday would not be here.
        </p>
      )}
      <table className="table">
        <caption className="visually-hidden">
          Bank holidays in {NATION_LABEL[nation]}, {year}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Holiday</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {holidays.map((h) => (
            <tr key={h.date}>
              <td>{dateLabel(h.date)}</td>
              <td>
                {h.title}
                {h.notes ? ` (${h.notes})` : ''}
              </td>
              <td>
                {h.projected ? (
                  <strong className="tag tag--purple">Projected</strong>
                ) : (
                  'Published by gov.uk'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
