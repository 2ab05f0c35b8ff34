/** Renders its children only for a user who handles complaints; others are told plainly. */
import type { ReactNode } from 'react';
import { PageHeading } from '../../components/page-heading';
import { hrefFor } from '../../app/router';
import { useCanHandleComplaints } from './use-complaint-access';

export function ComplaintsOnly({ children }: { children: ReactNode }) {
  const can = useCanHandleComplaints();
  if (can === null)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );
  if (!can)
    return (
      <>
        <PageHeading>You cannot see complaints</PageHeading>
        <p className="body">
          Complaints are seen only by the managers who handle them. If you need to pass on a
          complaint, tell your manager.
        </p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'caseload' })}>
            Go to your caseload
          </a>
        </p>
      </>
    );
  return <>{children}</>;
}
