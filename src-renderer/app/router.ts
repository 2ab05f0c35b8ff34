/**
 * A small hash router: the app is one document (served from app:// or the test harness), so
 * routes live after '#/'. Hashes not starting with '#/' are ignored, so in-page links cannot
 * change the screen by accident.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'caseload' }
  | { name: 'participant'; id: string }
  | { name: 'edit-participant'; id: string }
  | { name: 'better-off'; id: string }
  | { name: 'plan'; id: string }
  | { name: 'meetings'; id: string }
  | { name: 'participant-timeline'; id: string }
  | { name: 'status-work'; id: string }
  | { name: 'add-referral' }
  | { name: 'import' }
  | { name: 'agenda' }
  | { name: 'profiles' }
  | { name: 'profile'; id: string }
  | { name: 'book-appointment'; id: string }
  | { name: 'diary-settings' }
  | { name: 'adviser-leave' }
  | { name: 'week' }
  | { name: 'places' }
  | { name: 'add-place' }
  | { name: 'edit-place'; id: string }
  | { name: 'get-started' }
  | { name: 'letters' }
  | { name: 'letter-templates' }
  | { name: 'participant-letters'; id: string; appointmentId?: string }
  | { name: 'security' }
  | { name: 'performance' }
  | { name: 'sync' }
  | { name: 'sync-conflicts'; participantId?: string }
  | { name: 'audit' }
  | { name: 'retention' }
  | { name: 'complaints' }
  | { name: 'record-complaint' }
  | { name: 'complaint'; id: string }
  | { name: 'you-told-us' }
  | { name: 'you-told-us-new' }
  | { name: 'you-told-us-edit'; id: string }
  | { name: 'surveys' }
  | { name: 'organisation-performance' }
  | { name: 'backup' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.startsWith('#/') ? hash.slice(1) : '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, action] = parts;
  if (parts.length === 0 || (first === 'caseload' && parts.length === 1))
    return { name: 'caseload' };
  if (first === 'referrals' && id === 'new' && parts.length === 2) return { name: 'add-referral' };
  if (first === 'import' && parts.length === 1) return { name: 'import' };
  if (first === 'agenda' && parts.length === 1) return { name: 'agenda' };
  if (first === 'security' && parts.length === 1) return { name: 'security' };
  if (first === 'performance' && parts.length === 1) return { name: 'performance' };
  if (first === 'sync' && parts.length === 1) return { name: 'sync' };
  if (first === 'sync' && id === 'conflicts' && parts.length === 2)
    return { name: 'sync-conflicts' };
  if (first === 'sync' && id === 'conflicts' && action && parts.length === 3)
    return { name: 'sync-conflicts', participantId: action };
  if (first === 'audit' && parts.length === 1) return { name: 'audit' };
  if (first === 'retention' && parts.length === 1) return { name: 'retention' };
  if (first === 'complaints' && parts.length === 1) return { name: 'complaints' };
  if (first === 'complaints' && id === 'new' && parts.length === 2)
    return { name: 'record-complaint' };
  if (first === 'complaints' && id && parts.length === 2) return { name: 'complaint', id };
  if (first === 'you-told-us' && parts.length === 1) return { name: 'you-told-us' };
  if (first === 'you-told-us' && id === 'new' && parts.length === 2)
    return { name: 'you-told-us-new' };
  if (first === 'you-told-us' && id && action === 'edit' && parts.length === 3)
    return { name: 'you-told-us-edit', id };
  if (first === 'surveys' && parts.length === 1) return { name: 'surveys' };
  if (first === 'performance' && id === 'organisation' && parts.length === 2)
    return { name: 'organisation-performance' };
  if (first === 'backup' && parts.length === 1) return { name: 'backup' };
  if (first === 'diary' && parts.length === 1) return { name: 'diary-settings' };
  if (first === 'diary' && id === 'leave' && parts.length === 2) return { name: 'adviser-leave' };
  if (first === 'week' && parts.length === 1) return { name: 'week' };
  if (first === 'places' && parts.length === 1) return { name: 'places' };
  if (first === 'places' && id === 'new' && parts.length === 2) return { name: 'add-place' };
  if (first === 'places' && id && action === 'edit' && parts.length === 3)
    return { name: 'edit-place', id };
  if (first === 'get-started' && parts.length === 1) return { name: 'get-started' };
  if (first === 'letters' && parts.length === 1) return { name: 'letters' };
  if (first === 'letters' && id === 'wording' && parts.length === 2)
    return { name: 'letter-templates' };
  if (first === 'participants' && id && parts.length === 3 && action === 'letters')
    return { name: 'participant-letters', id };
  // A letter about one appointment: the letters page opens on it.
  if (first === 'participants' && id && parts.length === 4 && action === 'letters' && parts[3])
    return { name: 'participant-letters', id, appointmentId: parts[3] };
  if (first === 'participants' && id && parts.length === 3 && action === 'book')
    return { name: 'book-appointment', id };
  if (first === 'profiles' && parts.length === 1) return { name: 'profiles' };
  if (first === 'profiles' && id && parts.length === 2) return { name: 'profile', id };
  if (first === 'participants' && id && parts.length === 2) return { name: 'participant', id };
  if (first === 'participants' && id && action === 'edit' && parts.length === 3)
    return { name: 'edit-participant', id };
  if (first === 'participants' && id && action === 'better-off' && parts.length === 3)
    return { name: 'better-off', id };
  if (first === 'participants' && id && parts.length === 3 && action === 'plan')
    return { name: 'plan', id };
  if (first === 'participants' && id && parts.length === 3 && action === 'meetings')
    return { name: 'meetings', id };
  if (first === 'participants' && id && parts.length === 3 && action === 'timeline')
    return { name: 'participant-timeline', id };
  if (first === 'participants' && id && parts.length === 3 && action === 'status')
    return { name: 'status-work', id };
  return { name: 'not-found' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return '#/caseload';
    case 'participant':
      return `#/participants/${encodeURIComponent(route.id)}`;
    case 'edit-participant':
      return `#/participants/${encodeURIComponent(route.id)}/edit`;
    case 'better-off':
      return `#/participants/${encodeURIComponent(route.id)}/better-off`;
    case 'plan':
      return `#/participants/${encodeURIComponent(route.id)}/plan`;
    case 'meetings':
      return `#/participants/${encodeURIComponent(route.id)}/meetings`;
    case 'participant-timeline':
      return `#/participants/${encodeURIComponent(route.id)}/timeline`;
    case 'status-work':
      return `#/participants/${encodeURIComponent(route.id)}/status`;
    case 'add-referral':
      return '#/referrals/new';
    case 'import':
      return '#/import';
    case 'agenda':
      return '#/agenda';
    case 'profiles':
      return '#/profiles';
    case 'profile':
      return `#/profiles/${encodeURIComponent(route.id)}`;
    case 'book-appointment':
      return `#/participants/${encodeURIComponent(route.id)}/book`;
    case 'adviser-leave':
      return '#/diary/leave';
    case 'diary-settings':
      return '#/diary';
    case 'week':
      return '#/week';
    case 'places':
      return '#/places';
    case 'add-place':
      return '#/places/new';
    case 'edit-place':
      return `#/places/${encodeURIComponent(route.id)}/edit`;
    case 'get-started':
      return '#/get-started';
    case 'letters':
      return '#/letters';
    case 'letter-templates':
      return '#/letters/wording';
    case 'participant-letters':
      return `#/participants/${encodeURIComponent(route.id)}/letters${route.appointmentId ? `/${encodeURIComponent(route.appointmentId)}` : ''}`;
    case 'security':
      return '#/security';
    case 'performance':
      return '#/performance';
    case 'sync':
      return '#/sync';
    case 'sync-conflicts':
      return route.participantId
        ? `#/sync/conflicts/${encodeURIComponent(route.participantId)}`
        : '#/sync/conflicts';
    case 'audit':
      return '#/audit';
    case 'retention':
      return '#/retention';
    case 'complaints':
      return '#/complaints';
    case 'record-complaint':
      return '#/complaints/new';
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.id)}`;
    case 'you-told-us':
      return '#/you-told-us';
    case 'you-told-us-new':
      return '#/you-told-us/new';
    case 'you-told-us-edit':
      return `#/you-told-us/${encodeURIComponent(route.id)}/edit`;
    case 'surveys':
      return '#/surveys';
    case 'organisation-performance':
      return '#/performance/organisation';
    case 'backup':
      return '#/backup';
    case 'not-found':
      return '#/not-found';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

let current = typeof window === 'undefined' ? '' : window.location.hash;
const subscribe = (onChange: () => void) => {
  const handler = () => {
    if (!window.location.hash.startsWith('#/') && window.location.hash !== '') return;
    current = window.location.hash;
    onChange();
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => current);
  return parseRoute(hash);
}
