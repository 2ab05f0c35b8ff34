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
import { RetentionPage } from '../features/retention/retention-page';
import { PlanPage } from '../features/plan/plan-page';
import { MeetingsPage } from '../features/meetings/meetings-page';
import { TimelinePage } from '../features/meetings/timeline-page';
import { StatusWorkPage } from '../features/status-work/status-work-page';
import { LeavePage } from '../features/status-work/leave-page';
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
import { ComplaintsOnly } from '../features/complaints/complaints-only';
import { ComplaintsPage } from '../features/complaints/complaints-page';
import { RecordComplaintPage } from '../features/complaints/record-complaint-page';
import { ComplaintPage } from '../features/complaints/complaint-page';
import { YouToldUsPage } from '../features/complaints/you-told-us-page';
import { YouToldUsFormPage } from '../features/complaints/you-told-us-form-page';
import { useCanHandleComplaints } from '../features/complaints/use-complaint-access';
import { SurveysPage } from '../features/surveys/surveys-page';
import { OrganisationPerformancePage } from '../features/manager-performance/organisation-performance-page';
import { BackupPage } from '../features/backup/backup-page';
import { ROLE_LABELS } from '../labels';

const NAV: {
  label: string;
  route: Route;
  section: Route['name'][];
  /** Shown only to the roles that handle complaints. */
  complaintsOnly?: boolean;
  /** Shown only to managers (the router refuses other roles whatever they ask). */
  managerOnly?: boolean;
}[] = [
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
      'status-work',
      'book-appointment',
      'participant-letters',
    ],
  },
  { label: 'Add referral', route: { name: 'add-referral' }, section: ['add-referral'] },
  { label: 'Import referrals', route: { name: 'import' }, section: ['import'] },
  { label: 'Agenda', route: { name: 'agenda' }, section: ['agenda'] },
  { label: 'Your week', route: { name: 'week' }, section: ['week'] },
  {
    label: 'Performance',
    route: { name: 'performance' },
    section: ['performance', 'organisation-performance'],
  },
  { label: 'Surveys', route: { name: 'surveys' }, section: ['surveys'] },
  {
    label: 'Diary',
    route: { name: 'diary-settings' },
    section: ['diary-settings', 'adviser-leave'],
  },
  {
    label: 'Offices and venues',
    route: { name: 'places' },
    section: ['places', 'add-place', 'edit-place'],
  },
  { label: 'Letters', route: { name: 'letters' }, section: ['letters', 'letter-templates'] },
  { label: 'Charter profiles', route: { name: 'profiles' }, section: ['profiles', 'profile'] },
  { label: 'Security', route: { name: 'security' }, section: ['security'] },
  { label: 'Backup and recovery', route: { name: 'backup' }, section: ['backup'] },
  { label: 'Sync', route: { name: 'sync' }, section: ['sync', 'sync-conflicts'] },
  { label: 'Audit log', route: { name: 'audit' }, section: ['audit'] },
  {
    label: 'Retention',
    route: { name: 'retention' },
    section: ['retention'],
    managerOnly: true,
  },
  {
    label: 'Complaints',
    route: { name: 'complaints' },
    section: [
      'complaints',
      'record-complaint',
      'complaint',
      'you-told-us',
      'you-told-us-new',
      'you-told-us-edit',
    ],
    complaintsOnly: true,
  },
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
    case 'status-work':
      return <StatusWorkPage key={route.id} id={route.id} />;
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
    case 'adviser-leave':
      return <LeavePage />;
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
      return (
        <ParticipantLettersPage
          key={`${route.id} ${route.appointmentId ?? ''}`}
          id={route.id}
          {...(route.appointmentId ? { appointmentId: route.appointmentId } : {})}
        />
      );
    case 'security':
      return <SecurityPage />;
    case 'performance':
      return <PerformancePage />;
    case 'sync':
      return <SyncSettingsPage />;
    case 'sync-conflicts':
      return <ConflictsPage key={route.participantId ?? ''} participantId={route.participantId} />;
    case 'audit':
      return <AuditPage />;
    case 'retention':
      return <RetentionPage />;
    case 'complaints':
      return (
        <ComplaintsOnly>
          <ComplaintsPage />
        </ComplaintsOnly>
      );
    case 'record-complaint':
      return (
        <ComplaintsOnly>
          <RecordComplaintPage />
        </ComplaintsOnly>
      );
    case 'complaint':
      return (
        <ComplaintsOnly key={route.id}>
          <ComplaintPage id={route.id} />
        </ComplaintsOnly>
      );
    case 'you-told-us':
      return (
        <ComplaintsOnly>
          <YouToldUsPage />
        </ComplaintsOnly>
      );
    case 'you-told-us-new':
      return (
        <ComplaintsOnly>
          <YouToldUsFormPage />
        </ComplaintsOnly>
      );
    case 'you-told-us-edit':
      return (
        <ComplaintsOnly key={route.id}>
          <YouToldUsFormPage id={route.id} />
        </ComplaintsOnly>
      );
    case 'surveys':
      return <SurveysPage />;
    case 'organisation-performance':
      return <OrganisationPerformancePage />;
    case 'backup':
      return <BackupPage />;
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
  const { lock, status } = useSession();
  const handlesComplaints = useCanHandleComplaints();
  return (
    <>
      <SkipLink />
      <Header>
        <SyncStatusHeader />
        <div className="header__adviser">
          <span className="header__name">{adviserName}</span>
          {status?.role && (
            <span className="header__role">
              <span className="visually-hidden">Signed in as </span>
              {ROLE_LABELS[status.role]}
            </span>
          )}
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
          {NAV.filter(
            (item) =>
              (!item.complaintsOnly || handlesComplaints) &&
              (!item.managerOnly || status?.role === 'manager'),
          ).map((item) => {
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
