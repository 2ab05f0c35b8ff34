/**
 * Pages through `caseload:list` for a virtual table: the first page answers the count, further
 * pages are fetched as rows scroll into view. A new query starts a new generation, so answers
 * to an older query (a slower search while typing on) are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseloadPageRow as CaseloadRow, CaseloadQuery } from '@shared/ipc/channels/caseload';
import { call } from '../../api';

export const PAGE_SIZE = 200;

export type CaseloadFilter = Omit<CaseloadQuery, 'offset' | 'limit'>;

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
    void call('caseload:list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
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
      },
    );
  }, []);

  const key = JSON.stringify(filter);
  useEffect(() => {
    filterRef.current = JSON.parse(key) as CaseloadFilter;
    generation.current++;
    previous.current = pages.current;
    pages.current = new Map();
    pending.current = new Set();
    fetchPage(0);
  }, [key, fetchPage]);

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    return (pages.current.get(page) ?? previous.current.get(page))?.[index % PAGE_SIZE];
  }, []);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++)
        fetchPage(p);
    },
    [fetchPage],
  );

  return { total, answered, problem, rowAt, ensureRange };
}
