/**
 * Pages through `caseload:list` for a virtual table: the first page is a screenful (its answer
 * gives the count, and what is due is worked out for those rows alone before the first row is
 * drawn); further pages of PAGE_SIZE are fetched as rows scroll into view, and the next one
 * once the adviser pauses. A new query starts a new generation, so answers to an older query (a
 * slower search while typing on) are dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  CASELOAD_FIRST_ROWS,
  type CaseloadPageRow as CaseloadRow,
} from '@shared/ipc/channels/caseload';
import { call } from '../../api';
import { firstRowsRequest, takeFirstRows, type CaseloadFilter } from './first-rows';

export type { CaseloadFilter } from './first-rows';

export const PAGE_SIZE = 200;

/** Rows before page `p` (page 0 is the first screenful) and how many it holds. */
const pageStart = (p: number) => (p === 0 ? 0 : CASELOAD_FIRST_ROWS + (p - 1) * PAGE_SIZE);
const pageSize = (p: number) => (p === 0 ? CASELOAD_FIRST_ROWS : PAGE_SIZE);
export const pageOf = (index: number) =>
  index < CASELOAD_FIRST_ROWS ? 0 : 1 + Math.floor((index - CASELOAD_FIRST_ROWS) / PAGE_SIZE);

/**
 * The page after the first is fetched once nothing newer has been asked for this long: soon
 * enough to be there before the adviser scrolls, late enough not to queue in front of the next
 * keystroke's rows while they type.
 */
const NEXT_PAGE_AFTER_MS = 250;

export interface CaseloadPages {
  /** Rows matching the query; null until the first answer for it arrives. */
  total: number | null;
  /** The query `total` belongs to (the count announcement waits for its own query). */
  answered: CaseloadFilter | null;
  problem: string | null;
  rowAt(index: number): CaseloadRow | undefined;
  /** Makes sure the rows from start to end (inclusive) are loaded or on their way. */
  ensureRange(start: number, end: number): void;
}

export function useCaseloadPages(filter: CaseloadFilter): CaseloadPages {
  const generation = useRef(0);
  const pages = useRef(new Map<number, CaseloadRow[]>());
  // The previous query's rows stay on screen until the new query answers, so typing does not flash.
  const previous = useRef(new Map<number, CaseloadRow[]>());
  const pending = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [answered, setAnswered] = useState<CaseloadFilter | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [, setLoaded] = useState(0);
  const filterRef = useRef(filter);

  const fetchPage = useCallback((page: number) => {
    if (pages.current.has(page) || pending.current.has(page)) return;
    const gen = generation.current;
    const query = filterRef.current;
    pending.current.add(page);
    const request =
      page === 0
        ? firstRowsRequest(query)
        : { ...query, offset: pageStart(page), limit: pageSize(page) };
    const answer = (page === 0 && takeFirstRows(request)) || call('caseload:list', request);
    void answer.then((result) => {
      if (gen !== generation.current) return;
      pending.current.delete(page);
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      pages.current.set(page, result.value.rows);
      previous.current = new Map();
      setProblem(null);
      setTotal(result.value.total);
      setAnswered(query);
      setLoaded((n) => n + 1);
    });
  }, []);

  const key = JSON.stringify(filter);
  // A layout effect, so a new query's request leaves in the same task as the keystroke's render
  // rather than after the browser's next paint (a passive effect waits up to a frame).
  useLayoutEffect(() => {
    filterRef.current = JSON.parse(key) as CaseloadFilter;
    generation.current++;
    previous.current = pages.current;
    pages.current = new Map();
    pending.current = new Set();
    fetchPage(0);
  }, [key, fetchPage]);

  // The page after the first screenful, once this query's answer has stayed the newest a while.
  useEffect(() => {
    if (JSON.stringify(answered) !== key || total === null || total <= CASELOAD_FIRST_ROWS) return;
    const timer = window.setTimeout(() => fetchPage(1), NEXT_PAGE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [answered, key, total, fetchPage]);

  const rowAt = useCallback((index: number) => {
    const page = pageOf(index);
    return (pages.current.get(page) ?? previous.current.get(page))?.[index - pageStart(page)];
  }, []);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = pageOf(start); p <= pageOf(end); p++) fetchPage(p);
    },
    [fetchPage],
  );

  return { total, answered, problem, rowAt, ensureRange };
}
