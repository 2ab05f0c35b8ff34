/** Edits a participant's referral details; the version guards against a change made meanwhile. */
import type { Participant, ReferralInput } from '@shared/schemas/participant';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { ReferralForm } from '../referral/referral-form';
import { useParticipant } from './use-participant';

export function toFormValues(p: Participant): ReferralInput {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName ?? '',
    dateOfBirth: p.dateOfBirth,
    niNumber: p.niNumber,
    address: {
      line1: p.address.line1,
      line2: p.address.line2 ?? '',
      town: p.address.town,
      county: p.address.county ?? '',
      postcode: p.address.postcode,
    },
    phone: p.phone ?? '',
    email: p.email ?? '',
    referralId: p.referralId,
    referralDate: p.referralDate,
    jobcentreOffice: p.jobcentreOffice,
    benefit: p.benefit,
    programme: p.programme,
    charterProfile: p.charterProfile,
    nation: p.nation,
    contactChannel: p.contactChannel,
    language: p.language,
    interpreterNeeded: p.interpreterNeeded,
    adjustments: p.adjustments,
    accessibleFormats: { ...p.accessibleFormats },
  };
}

export function EditParticipantPage({ id }: { id: string }) {
  const { participant: p, problem } = useParticipant(id, false);
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
    <div className="grid-two-thirds">
      <a className="back-link" href={hrefFor({ name: 'participant', id })}>
        Back to {p.givenName} {p.familyName}
      </a>
      <PageHeading caption={`${p.givenName} ${p.familyName}`}>Change details</PageHeading>
      <ReferralForm
        defaultValues={toFormValues(p)}
        submitLabel="Save changes"
        onSave={async (referral) => {
          const result = await call('participant:update', {
            id,
            expectedVersion: p.version,
            referral,
          });
          if (!result.ok) return result.error;
          setFlash('Details saved');
          navigate({ name: 'participant', id });
          return null;
        }}
      />
    </div>
  );
}
