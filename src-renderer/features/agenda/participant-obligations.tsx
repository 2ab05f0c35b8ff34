/** A participant's charter obligations, for their page: what is outstanding, then what was met. */
import { useEffect, useState } from 'react';
import type {
  ParticipantObligations as Obligations,
  ShownObligation,
} from '@shared/ipc/channels/obligations';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { PromiseDetails } from './promise-details';
import { STATUS_TAG, STATUS_WORDS, obligationDetail } from './obligation-labels';
import '../../styles/agenda.css';

function Row({ o }: { o: ShownObligation }) {
  const detail = obligationDetail(o);
  return (
    <li className="agenda-item">
      <div className="agenda-item__main">
        <span className="agenda-item__rule-title">
          {o.ruleTitle}
          {o.period ? ` (${o.period})` : ''}
        </span>
        <strong className={`tag tag--${STATUS_TAG[o.status]}`}>{STATUS_WORDS[o.status]}</strong>
      </div>
      <p className="agenda-item__meta">
        Due {formatDate(o.due)}
        {o.metOn ? ` · met on ${formatDate(o.metOn)}` : ''}
        {detail ? ` · ${detail}` : ''}
      </p>
      <PromiseDetails o={o} />
    </li>
  );
}

/** `version` is the participant's record version: a change to the record loads them again. */
export function ParticipantObligations({ id, version }: { id: string; version: number }) {
  const [data, setData] = useState<Obligations | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('obligations:forParticipant', { participantId: id }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [id, version]);

  return (
    <section className="participant-obligations" aria-labelledby="obligations-heading">
      <h2 className="heading-m" id="obligations-heading">
        Charter obligations
      </h2>
      {problem && <p className="body">{problem}</p>}
      {!problem && !data && (
        <p className="body" role="status">
          Loading obligations…
        </p>
      )}
      {data && <ObligationLists data={data} />}
    </section>
  );
}

function ObligationLists({ data }: { data: Obligations }) {
  const open = data.obligations.filter((o) => o.status === 'pending' || o.status === 'missed');
  const done = data.obligations.filter((o) => o.status === 'met' || o.status === 'met-late');
  return (
    <>
      <p className="hint">
        Under the {data.profile.name} charter
        {data.profile.version > 0 ? ` (version ${data.profile.version})` : ''}, as of{' '}
        {formatDate(data.today)}.
      </p>
      {open.length === 0 ? (
        <p className="body">Nothing outstanding.</p>
      ) : (
        <ul className="agenda-list" aria-label="Outstanding obligations">
          {open.map((o) => (
            <Row key={`${o.rule}-${o.period ?? ''}-${o.ref ?? ''}-${o.due}`} o={o} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details className="promise obligations-met">
          <summary className="promise__summary">
            <span className="promise__summary-text">Met obligations ({done.length})</span>
          </summary>
          <ul className="agenda-list" aria-label="Met obligations">
            {done.map((o) => (
              <Row key={`${o.rule}-${o.period ?? ''}-${o.ref ?? ''}-${o.due}`} o={o} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
