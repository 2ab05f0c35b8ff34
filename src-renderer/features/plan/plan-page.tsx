/**
 * The participant's plan, named as their charter profile names it (PPEP or action plan): the
 * open draft in the guided editor, or the agreed versions and a way to start a review.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PlanView } from '@shared/schemas/plan';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate } from '../../labels';
import { useParticipant } from '../participant/use-participant';
import { PlanEditor } from './plan-editor';
import { PlanVersionView } from './plan-version';
import '../../styles/plan.css';
import { AGREEMENT_METHOD_LABELS } from '@shared/wording/labels';

const fetchPlan = (participantId: string) => call('plan:get', { participantId });

export function PlanPage({ id }: { id: string }) {
  const { participant } = useParticipant(id, false);
  const { status } = useSession();
  const [view, setView] = useState<PlanView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [started, setStarted] = useState(false);

  const apply = useCallback((r: Awaited<ReturnType<typeof fetchPlan>>) => {
    if (r.ok) {
      setView(r.value);
      setShown((s) => s ?? r.value.latest?.id ?? null);
    } else setProblem(r.error.message);
  }, []);
  useEffect(() => {
    let live = true;
    void fetchPlan(id).then((r) => live && apply(r));
    return () => {
      live = false;
    };
  }, [id, apply]);
  const load = useCallback(() => fetchPlan(id).then(apply), [id, apply]);

  const start = async () => {
    const r = await call('plan:startReview', { participantId: id });
    if (!r.ok) return setProblem(r.error.message);
    setBanner(null);
    // The button is gone once the editor appears: focus goes to its first section instead.
    setStarted(true);
    await load();
  };

  if (problem) return <p className="body">{problem}</p>;
  if (!view || !participant)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );
  const name = `${participant.givenName} ${participant.familyName}`;
  const title =
    view.planName === 'PPEP' ? 'PPEP' : view.planName[0]!.toUpperCase() + view.planName.slice(1);
  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'participant', id })}>
        Back to {name}
      </a>
      {banner && (
        <NotificationBanner key={banner} title="Success" success>
          <p className="notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      <PageHeading caption={name} focusOnMount={!banner}>
        {title} <span className="plan-long-name">({view.planNameLong})</span>
      </PageHeading>
      {view.nextReview && (
        <div className="inset-text">
          Next review due by <strong>{formatDate(view.nextReview)}</strong>.
        </div>
      )}
      {view.draft ? (
        <>
          <p className="body">
            {view.draft.baseVersionId
              ? `Reviewing version ${view.versions.length}. Changes are saved as you type.`
              : 'Writing the first version. Changes are saved as you type.'}
          </p>
          <PlanEditor
            key={view.draft.baseVersionId ?? 'first'}
            view={view}
            draft={view.draft}
            adviserName={status?.adviserName ?? ''}
            focusOnMount={started}
            onAgreed={(n) => {
              setBanner(`${title} version ${n} agreed`);
              setShown(null);
              void load();
            }}
            onReferralSaved={() => void load()}
          />
        </>
      ) : (
        <p className="body">
          <button type="button" className="button" onClick={() => void start()}>
            {view.latest ? `Start a review of the ${view.planName}` : `Write the ${view.planName}`}
          </button>
        </p>
      )}
      {view.versions.length > 0 && (
        <>
          <h2 className="heading-m">Agreed versions</h2>
          {/* At 320 px the table scrolls in its own region, not the page (WCAG 1.4.10). */}
          <div
            className="table-scroller"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region takes the keyboard (WCAG 2.1.1)
            tabIndex={0}
            role="region"
            aria-label={`Agreed versions of the ${view.planName}, scrollable table`}
          >
            <table className="table">
              <caption className="visually-hidden">Agreed versions of the {view.planName}</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Agreed</th>
                  <th scope="col">How</th>
                  <th scope="col">Adviser</th>
                  <th scope="col">
                    <span className="visually-hidden">Show</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...view.versions].reverse().map((v) => (
                  <tr key={v.id}>
                    <td>{v.number}</td>
                    <td>{formatDate(v.agreedOn)}</td>
                    <td>{AGREEMENT_METHOD_LABELS[v.method]}</td>
                    <td>{v.adviserName}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-pressed={shown === v.id}
                        onClick={() => setShown(v.id)}
                      >
                        Show version {v.number}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown && <PlanVersionView key={shown} versionId={shown} planName={title} />}
        </>
      )}
    </>
  );
}
