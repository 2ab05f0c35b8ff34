/** An agreed version, read-only, with "what changed since the last review" above it. */
import { useEffect, useState } from 'react';
import type { PlanVersionDetail } from '@shared/ipc/channels/plan';
import { describeChange } from '@shared/domain/plan-diff';
import type { PlanContent } from '@shared/schemas/plan';
import { call } from '../../api';
import { formatDate } from '../../labels';

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <>None recorded</>;
  return (
    <ul className="list list--bullet">
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

export function PlanContentSummary({ content }: { content: PlanContent }) {
  const rows: [string, React.ReactNode][] = [
    ['About me', content.aboutMe || 'None recorded'],
    ['Strengths', <List items={content.strengths} />],
    ['Short-term job goals', <List items={content.goals.shortTerm} />],
    ['Long-term job goals', <List items={content.goals.longTerm} />],
    [
      'Barriers and support',
      <List
        items={content.barriers.map(
          (b) =>
            `${b.barrier}${b.support ? `: ${b.support}` : ''}${b.healthRelated ? ' (health-related)' : ''}`,
        )}
      />,
    ],
    ['Skills', <List items={content.skills} />],
    ['Qualifications', <List items={content.qualifications} />],
    ['Training done', <List items={content.training} />],
    [
      'Steps',
      <List
        items={content.steps.map(
          (s) =>
            `${s.action} (${s.owner}, by ${s.due ? formatDate(s.due) : 'no date'}, ${s.status.replace('-', ' ')}${s.mandatory ? ', mandatory' : ''})`,
        )}
      />,
    ],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([k, v]) => (
        <div className="summary-list__row" key={k}>
          <dt className="summary-list__key">{k}</dt>
          <dd className="summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PlanVersionView({ versionId, planName }: { versionId: string; planName: string }) {
  const [detail, setDetail] = useState<PlanVersionDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('plan:version', { versionId }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [versionId]);
  if (problem) return <p className="body">{problem}</p>;
  if (!detail) return <p className="body">Loading…</p>;
  return (
    <section className="plan-version" aria-labelledby="plan-version-title">
      <h2 className="heading-m" id="plan-version-title">
        {planName} version {detail.number}, agreed {formatDate(detail.agreedOn)}
      </h2>
      <p className="body">
        Agreed with {detail.adviserName}. This version is final and cannot be changed.
      </p>
      {detail.previousNumber !== null && (
        <div className="plan-diff">
          <h3 className="heading-s">What changed since version {detail.previousNumber}</h3>
          {detail.changes.length === 0 ? (
            <p className="body">Nothing changed.</p>
          ) : (
            <ul className="list list--bullet">
              {detail.changes.map((c, i) => (
                <li key={i}>{describeChange(c)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <PlanContentSummary content={detail.content} />
    </section>
  );
}
