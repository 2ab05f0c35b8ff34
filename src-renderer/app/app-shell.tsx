/** The unlocked app: skip link, header with the adviser and Lock, primary navigation, the page. */
import type { ReactNode } from 'react';
import { hrefFor, useRoute, type Route } from './router';
import { useSession } from './session';
import { CaseloadPage } from '../features/caseload/caseload-page';
import { ParticipantPage } from '../features/participant/participant-page';
import { EditParticipantPage } from '../features/participant/edit-participant-page';
import { IntakePage } from '../features/referral/intake-page';
import { ImportPage } from '../features/import/import-page';
import { BetterOffPage } from '../features/better-off/better-off-page';
import { AgendaPage } from '../features/agenda/agenda-page';
import { ProfilesPage } from '../features/profiles/profiles-page';
import { ProfilePage } from '../features/profiles/profile-page';
import { AuditPage } from '../features/audit/audit-page';
import { PlanPage } from '../features/plan/plan-page';
import { MeetingsPage } from '../features/meetings/meetings-page';
import { TimelinePage } from '../features/meetings/timeline-page';
import { BookAppointmentPage } from '../features/diary/book-appointment-page';
import { DiarySettingsPage } from '../features/diary/diary-settings-page';
import { WeekPage } from '../features/diary/week-page';
import { AddPlacePage, EditPlacePage, PlacesPage } from '../features/places/places-page';
import { GetStartedPage } from '../features/places/get-started-page';
import { PageHeading } from '../components/page-heading';
import { BatchPage } from '../features/letters/batch-page';
import { TemplatesPage } from '../features/letters/templates-page';
import { ParticipantLettersPage } from '../features/letters/participant-letters-page';
import { SecurityPage } from '../features/session/security-page';
import { PerformancePage } from '../features/performance/performance-page';
import { SyncSettingsPage } from '../features/sync/sync-settings-page';
import { ConflictsPage } from '../features/sync/conflicts-page';
import { SyncStatusHeader } from '../features/sync/sync-status-header';

const NAV: { label: string; route: Route; section: Route['name'][] }[] = [
  {
    label: 'Caseload',
    route: { name: 'caseload' },
    section: [
      'caseload',
      'participant',
      'edit-participant',
      'better-off',
      'plan',
      'meetings',
      'participant-timeline',
      'book-appointment',
      'participant-letters',
    ],
  },
  { label: 'Add referral', route: { name: 'add-referral' }, section: ['add-referral'] },
  { label: 'Import referrals', route: { name: 'import' }, section: ['import'] },
  { label: 'Agenda', route: { name: 'agenda' }, section: ['agenda'] },
  { label: 'Your week', route: { name: 'week' }, section: ['week'] },
  { label: 'Performance', route: { name: 'performance' }, section: ['performance'] },
  { label: 'Diary', route: { name: 'diary-settings' }, section: ['diary-settings'] },
  {
    label: 'Offices and venues',
    route: { name: 'places' },
    section: ['places', 'add-place', 'edit-place'],
  },
  { label: 'Letters', route: { name: 'letters' }, section: ['letters', 'letter-templates'] },
  { label: 'Charter profiles', route: { name: 'profiles' }, section: ['profiles', 'profile'] },
  { label: 'Security', route: { name: 'security' }, section: ['security'] },
  { label: 'Sync', route: { name: 'sync' }, section: ['sync', 'sync-conflicts'] },
  { label: 'Audit log', route: { name: 'audit' }, section: ['audit'] },
];

export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main-content')?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

/** The header on every screen; the adviser's name and Lock only once unlocked. */
export function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="header">
      <div className="header__container width-container">
        <span className="header__service">Waymark</span>
        {children}
      </div>
    </header>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'caseload':
      return <CaseloadPage />;
    case 'participant':
      return <ParticipantPage key={route.id} id={route.id} />;
    case 'edit-participant':
      return <EditParticipantPage key={route.id} id={route.id} />;
    case 'better-off':
      return <BetterOffPage key={route.id} id={route.id} />;
    case 'plan':
      return <PlanPage key={route.id} id={route.id} />;
    case 'meetings':
      return <MeetingsPage key={route.id} id={route.id} />;
    case 'participant-timeline':
      return <TimelinePage key={route.id} id={route.id} />;
    case 'add-referral':
      return <IntakePage />;
    case 'import':
      return <ImportPage />;
    case 'agenda':
      return <AgendaPage />;
    case 'profiles':
      return <ProfilesPage />;
    case 'profile':
      return <ProfilePage key={route.id} id={route.id} />;
    case 'book-appointment':
      return <BookAppointmentPage key={route.id} id={route.id} />;
    case 'diary-settings':
      return <DiarySettingsPage />;
    case 'week':
      return <WeekPage />;
    case 'places':
      return <PlacesPage />;
    case 'add-place':
      return <AddPlacePage />;
    case 'edit-place':
      return <EditPlacePage key={route.id} id={route.id} />;
    case 'get-started':
      return <GetStartedPage />;
    case 'letters':
      return <BatchPage />;
    case 'letter-templates':
      return <TemplatesPage />;
    case 'participant-letters':
      return <ParticipantLettersPage key={route.id} id={route.id} />;
    case 'security':
      return <SecurityPage />;
    case 'performance':
      return <PerformancePage />;
    case 'sync':
      return <SyncSettingsPage />;
    case 'sync-conflicts':
      return <ConflictsPage />;
    case 'audit':
      return <AuditPage />;
    case 'not-found':
      return (
        <>
          <PageHeading>Page not found</PageHeading>
          <p className="body">
            <a className="link" href={hrefFor({ name: 'caseload' })}>
              Go to your caseload
            </a>
          </p>
        </>
      );
  }
}

export function AppShell({ adviserName }: { adviserName: string }) {
  const route = useRoute();
  const { lock } = useSession();
  return (
    <>
      <SkipLink />
      <Header>
        <SyncStatusHeader />
        <div className="header__adviser">
          <span className="header__name">{adviserName}</span>
          <button
            type="button"
            className="button button--secondary button--small header__lock"
            onClick={() => void lock()}
            aria-keyshortcuts="Control+L"
          >
            Lock
          </button>
        </div>
      </Header>
      <nav className="service-navigation" aria-label="Primary">
        <ul className="service-navigation__list width-container">
          {NAV.map((item) => {
            const active = item.section.includes(route.name);
            return (
              <li
                key={item.label}
                className={`service-navigation__item${active ? ' service-navigation__item--active' : ''}`}
              >
                <a
                  className="service-navigation__link"
                  href={hrefFor(item.route)}
                  aria-current={active ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="width-container">
        <main className="main-wrapper" id="main-content" tabIndex={-1}>
          <Page route={route} />
        </main>
      </div>
    </>
  );
}
