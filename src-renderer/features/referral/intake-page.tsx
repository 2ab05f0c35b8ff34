import { call } from '../../api';
import { navigate } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ReferralForm } from './referral-form';

/** Intake: a new referral typed in from the Jobcentre's paperwork. */
export function IntakePage() {
  return (
    <div className="grid-two-thirds">
      <PageHeading>Add a referral</PageHeading>
      <ReferralForm
        submitLabel="Add referral"
        onSave={async (referral) => {
          const result = await call('participant:create', referral);
          if (!result.ok) return result.error;
          navigate({ name: 'participant', id: result.value.id });
          return null;
        }}
      />
    </div>
  );
}
