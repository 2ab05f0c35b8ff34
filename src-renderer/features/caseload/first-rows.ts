/**
 * The caseload's view (kept for the session) and its first rows, asked for the moment the session
 * unlocks: before React draws the unlocked page, so the request reaches the main process ahead
 * of the header's and panels' own (it answers them in turn), and while the page's code renders.
 * The caseload page takes the answer if it asks for the same rows soon after; otherwise it is
 * dropped and the page asks again.
 */
import { CASELOAD_FIRST_ROWS, type CaseloadQuery } from '@shared/ipc/channels/caseload';
import type { ChannelOutput } from '@shared/ipc/contract';
import type { Result } from '@shared/ipc/result';
import { call } from '../../api';

export type CaseloadFilter = Omit<CaseloadQuery, 'offset' | 'limit'>;
type Answer = Promise<Result<ChannelOutput<'caseload:list'>>>;

/** Remembered for the session, so coming back from a participant keeps the adviser's view. */
export let rememberedView: { search: string; filter: CaseloadFilter } = {
  search: '',
  filter: { search: '', sort: 'name', direction: 'asc' },
};

export function rememberView(view: typeof rememberedView): void {
  rememberedView = view;
}

/** An answer older than this is not used: the caseload may have changed since. */
const FRESH_MS = 5_000;

let early: { key: string; at: number; answer: Answer } | null = null;

/** The request for a query's first rows (one shape, so the early answer can be matched). */
export function firstRowsRequest(filter: CaseloadFilter): CaseloadQuery {
  return { ...filter, offset: 0, limit: CASELOAD_FIRST_ROWS };
}

/** Asks for the remembered view's first rows now (the session has just unlocked). */
export function askForFirstRows(): void {
  const request = firstRowsRequest(rememberedView.filter);
  early = {
    key: JSON.stringify(request),
    at: performance.now(),
    answer: call('caseload:list', request),
  };
}

/** Forgets an early answer (the session locked). */
export function dropFirstRows(): void {
  early = null;
}

/** The early answer, once, if it is for this request and fresh; otherwise null. */
export function takeFirstRows(request: CaseloadQuery): Answer | null {
  const taken = early;
  early = null;
  if (!taken || taken.key !== JSON.stringify(request)) return null;
  return performance.now() - taken.at <= FRESH_MS ? taken.answer : null;
}
