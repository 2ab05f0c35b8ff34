import type { ReactNode } from 'react';
import { Header, SkipLink } from '../../app/app-shell';

/** Set-up and unlock share a plain layout: no navigation, nothing of the caseload showing. */
export function SessionLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <Header />
      <div className="width-container">
        <main className="main-wrapper" id="main-content" tabIndex={-1}>
          <div className="grid-two-thirds">{children}</div>
        </main>
      </div>
    </>
  );
}
