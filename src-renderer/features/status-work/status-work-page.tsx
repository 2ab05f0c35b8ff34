/**
 * Status, attendance and exit for one participant: correct the status (with a reason), the R6
 * reason they cannot attend in person, and the R13 exit review with its hand-back summary.
 * After each action focus moves to the confirmation, so a screen reader hears what happened.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExitReview, InPersonExemption } from '@shared/schemas/status-work';
import type { SavedConstraints } from '@shared/schemas/diary-settings';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { StatusTag } from '../../components/status-tag';
import { STATUS_LABELS } from '../../labels';
import { useParticipant } from '../participant/use-participant';
import { CorrectStatusForm } from './correct-status-form';
import { ConstraintsForm } from './constraints-form';
import { ExemptionForm, ExemptionList } from './exemption-form';
import { ExitReviewForm, ExitReviewList } from './exit-review-form';

interface Records {
  exemptions: InPersonExemption[];
  reviews: ExitReview[];
  constraints: SavedConstraints | null;
}

async function fetchRecords(participantId: string): Promise<Records> {
  const [e, r, c] = await Promise.all([
    call('exemption:list', { participantId }),
    call('exitReview:list', { participantId }),
    call('diary:constraints', { participantId }),
  ]);
  return {
    exemptions: e.ok ? e.value : [],
    reviews: r.ok ? r.value : [],
    constraints: c.ok ? c.value : null,
  };
}

export function StatusWorkPage({ id }: { id: string }) {
  const { participant: p, problem, reload } = useParticipant(id, false);
  const [exemptions, setExemptions] = useState<InPersonExemption[]>([]);
  const [reviews, setReviews] = useState<ExitReview[]>([]);
  const [constraints, setConstraints] = useState<SavedConstraints | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);

  const apply = useCallback((r: Records) => {
    setExemptions(r.exemptions);
    setReviews(r.reviews);
    setConstraints(r.constraints);
  }, []);

  useEffect(() => {
    let live = true;
    void fetchRecords(id).then((r) => live && apply(r));
    return () => {
      live = false;
    };
  }, [id, apply]);

  const after = async (text: string) => {
    const [, records] = await Promise.all([reload(), fetchRecords(id)]);
    apply(records);
    setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  };

  if (problem)
    return (
      <>
        <PageHeading>Participant not available</PageHeading>
        <p className="body">{problem}</p>
      </>
    );
  if (!p)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'participant', id })}>
        Back to {p.givenName} {p.familyName}
      </a>
      {/* Keyed by the action, so the banner takes focus again after each one. */}
      {done && (
        <NotificationBanner key={done.n} title="Success" success>
          <p className="notification-banner__heading">{done.text}</p>
        </NotificationBanner>
      )}
      <PageHeading caption={`${p.givenName} ${p.familyName}`} focusOnMount={!done}>
        Status, attendance and exit
      </PageHeading>
      <p className="body">
        Status now: <StatusTag status={p.status} />
      </p>

      {constraints && (
        <ConstraintsForm
          key={constraints.version}
          saved={constraints}
          onSaved={() => void after('When they can attend saved')}
        />
      )}

      <section aria-labelledby="exemption-title">
        <h2 className="heading-m" id="exemption-title">
          Meeting other than in person
        </h2>
        <p className="body">
          The charter asks for two meetings a month in person. While a recorded reason covers the
          date, phone, video and email meetings count too.
        </p>
        <ExemptionList exemptions={exemptions} />
        <ExemptionForm
          participantId={id}
          onRecorded={() => void after('Reason for not attending in person recorded')}
        />
      </section>

      <section aria-labelledby="exit-title">
        <h2 className="heading-m" id="exit-title">
          Exit review and hand-back to Jobcentre Plus
        </h2>
        <ExitReviewList participantId={id} reviews={reviews} />
        <ExitReviewForm
          participantId={id}
          onRecorded={({ participant }) =>
            void after(
              `Exit review recorded. Status is now ${STATUS_LABELS[participant.status].toLowerCase()}`,
            )
          }
        />
      </section>

      <CorrectStatusForm
        participant={p}
        onCorrected={(u) =>
          void after(`Status corrected to ${STATUS_LABELS[u.status].toLowerCase()}`)
        }
      />
    </>
  );
}
