/**
 * The adviser's agenda: what charter promises need them (overdue, at risk, due this week), most
 * urgent first, and today's and this week's appointments. Every row links to the participant.
 * In the obligations list, j and k move between rows and o opens one (only while focus is in the
 * list, so the letters still type everywhere else and screen-reader browse keys are untouched).
 */
import { useEffect, useRef, useState } from 'react';
import type { Agenda, AgendaObligation, Urgency } from '@shared/ipc/channels/agenda';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { formatDate } from '../../labels';
import { PromiseDetails } from './promise-details';
import { URGENCY_TAG, URGENCY_WORDS, obligationDetail } from './obligation-labels';
import { AppointmentList } from './appointment-list';
import '../../styles/agenda.css';

const GROUPS: { urgency: Urgency; title: string; empty: string }[] = [
  { urgency: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.' },
  {
    urgency: 'at-risk',
    title: 'At risk: due within 2 working days',
    empty: 'Nothing is due in the next 2 working days.',
  },
  { urgency: 'due', title: 'Due later this week', empty: 'Nothing else is due this week.' },
];

function ObligationRow({ o }: { o: AgendaObligation }) {
  const detail = obligationDetail(o);
  return (
    <li className="agenda-item">
      <div className="agenda-item__main">
        <a
          className="link agenda-item__link"
          href={hrefFor({ name: 'participant', id: o.participantId })}
          data-agenda-row=""
        >
          {o.participantName}
          <span className="visually-hidden">
            : {o.ruleTitle}, {URGENCY_WORDS[o.urgency].toLowerCase()}, due {formatDate(o.due)}
          </span>
        </a>
        <strong className={`tag tag--${URGENCY_TAG[o.urgency]}`}>{URGENCY_WORDS[o.urgency]}</strong>
      </div>
      <p className="agenda-item__meta">
        <span className="agenda-item__rule">{o.ruleTitle}</span>
        {o.period ? ` (${o.period})` : ''} · due {formatDate(o.due)}
        {detail ? ` · ${detail}` : ''} ·{' '}
        <span className="agenda-item__profile">{o.profileName}</span>
      </p>
      <PromiseDetails o={o} />
    </li>
  );
}

/** A long list shows its first rows and offers the rest, so a big caseload stays quick to read. */
const FIRST_ROWS = 25;

function Group({
  urgency,
  title,
  empty,
  items,
}: {
  urgency: Urgency;
  title: string;
  empty: string;
  items: AgendaObligation[];
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby={`agenda-${urgency}`}>
      <h3 className="heading-s" id={`agenda-${urgency}`}>
        {title} <span className="agenda-count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="body">{empty}</p>
      ) : (
        <ul className="agenda-list">
          {shown.map((o) => (
            <ObligationRow
              key={`${o.participantId}-${o.rule}-${o.period ?? ''}-${o.ref ?? ''}-${o.due}`}
              o={o}
            />
          ))}
        </ul>
      )}
      {shown.length < items.length && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setAll(true)}
        >
          Show all {items.length}
          <span className="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      )}
    </section>
  );
}

/**
 * j/k move between row links, o opens the focused one; letters pass through inside controls.
 * Delegated from the list's container: the keys act on the focused link, never on the page.
 */
function onListKey(this: HTMLElement, e: KeyboardEvent) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  if (!['j', 'k', 'o'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const links = [...this.querySelectorAll<HTMLAnchorElement>('a[data-agenda-row]')];
  if (links.length === 0) return;
  const row = target.closest('li');
  const at = links.findIndex((l) => l === target || l.closest('li') === row);
  if (e.key === 'o') {
    if (at >= 0) {
      e.preventDefault();
      links[at]!.click();
    }
    return;
  }
  e.preventDefault();
  const next = e.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
  links[next]!.focus();
}

export function AgendaPage() {
  const [week, setWeek] = useState<Agenda | null>(null);
  const [day, setDay] = useState<Agenda | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const live = useRef(true);
  const groups = useRef<HTMLDivElement>(null);

  useEffect(() => {
    live.current = true;
    void (async () => {
      const [d, w] = await Promise.all([call('agenda:day', {}), call('agenda:week', {})]);
      if (!live.current) return;
      if (!d.ok || !w.ok) {
        setProblem((!d.ok ? d.error.message : !w.ok ? w.error.message : null) ?? null);
        return;
      }
      setDay(d.value);
      setWeek(w.value);
    })();
    return () => {
      live.current = false;
    };
  }, []);

  const loaded = week !== null;
  useEffect(() => {
    const el = groups.current;
    if (!el) return;
    el.addEventListener('keydown', onListKey);
    return () => el.removeEventListener('keydown', onListKey);
  }, [loaded]);

  if (problem)
    return (
      <>
        <PageHeading>Agenda</PageHeading>
        <p className="body">{problem}</p>
      </>
    );
  if (!week || !day)
    return (
      <>
        <PageHeading>Agenda</PageHeading>
        <p className="body" role="status">
          Loading your agenda…
        </p>
      </>
    );

  const laterThisWeek = week.appointments.filter((a) => a.start.slice(0, 10) > week.today);
  return (
    <>
      <PageHeading caption={formatDate(week.today)}>Agenda</PageHeading>
      <div className="grid-row">
        <div className="grid-column-two-thirds">
          <h2 className="heading-m" id="obligations-title">
            Charter promises needing you
          </h2>
          <p className="hint" id="agenda-keys">
            Most urgent first. In this list, press j or k to move between participants, and o or
            Enter to open one.
          </p>
          {week.complaintsOverdue && week.complaintsOverdue.length > 0 && (
            <>
              <h3 className="heading-s">Complaint responses overdue</h3>
              <ul className="list">
                {week.complaintsOverdue.map((c) => (
                  <li key={c.id}>
                    <a className="link" href={hrefFor({ name: 'complaint', id: c.id })}>
                      {c.about}
                    </a>
                    : the {c.stageName} response was due {formatDate(c.responseDue)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="agenda-groups" ref={groups}>
            {GROUPS.map((g) => (
              <Group
                key={g.urgency}
                {...g}
                items={week.obligations.filter((o) => o.urgency === g.urgency)}
              />
            ))}
          </div>
        </div>
        <div className="grid-column-one-third">
          <h2 className="heading-m">Today’s appointments</h2>
          <AppointmentList appointments={day.appointments} empty="No appointments today." />
          <h2 className="heading-m">Later this week</h2>
          <AppointmentList
            appointments={laterThisWeek}
            empty="No more appointments this week."
            showDay
          />
        </div>
      </div>
    </>
  );
}
