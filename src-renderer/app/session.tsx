/**
 * The adviser's session as the renderer sees it: the last known status, lock, and auto-lock
 * support (activity reports, status polling, and any 'locked' answer from any channel).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { SessionStatus } from '@shared/ipc/channels/session';
import { call, onLocked } from '../api';
import { askForFirstRows, dropFirstRows } from '../features/caseload/first-rows';
import { parseRoute } from './router';

const ACTIVITY_EVERY_MS = 30_000;
const POLL_EVERY_MS = 15_000;

interface SessionValue {
  status: SessionStatus | null;
  /** Why the status could not be read, if it could not. */
  problem: string | null;
  setStatus(status: SessionStatus): void;
  refresh(): Promise<void>;
  lock(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is only for components inside SessionProvider');
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setShownStatus] = useState<SessionStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Every new status comes through here. On the way into the unlocked caseload, its first rows
  // are asked for at once (features/caseload/first-rows.ts), ahead of everything the unlocked
  // page asks for as it draws.
  const caseloadOpen = useRef(false);
  const setStatus = useCallback((next: SessionStatus) => {
    const open = next.state === 'unlocked' && !next.surveyMode;
    if (!open) dropFirstRows();
    else if (!caseloadOpen.current && parseRoute(window.location.hash).name === 'caseload')
      askForFirstRows();
    caseloadOpen.current = open;
    setShownStatus(next);
  }, []);

  const refresh = useCallback(
    () =>
      call('session:status', {}).then((result) => {
        if (result.ok) {
          setStatus(result.value);
          setProblem(null);
        } else setProblem(result.error.message);
      }),
    [setStatus],
  );

  const lock = useCallback(async () => {
    const result = await call('session:lock', {});
    if (result.ok) setStatus(result.value);
  }, [setStatus]);

  useEffect(() => {
    let live = true;
    void call('session:status', {}).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.value);
      else setProblem(result.error.message);
    });
    const stop = onLocked(() => void refresh());
    return () => {
      live = false;
      stop();
    };
  }, [refresh, setStatus]);

  const unlocked = status?.state === 'unlocked';

  // While unlocked: report activity (throttled) so the main process's timer restarts, and poll
  // the status so an auto-lock shows even when the adviser is only reading.
  const lastReport = useRef(0);
  // A layout effect, so the Ctrl+L shortcut is listening before the unlocked page is painted: a
  // key pressed the moment the page appears (by a quick adviser, or a test) is not lost.
  useLayoutEffect(() => {
    if (!unlocked) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport.current < ACTIVITY_EVERY_MS) return;
      lastReport.current = now;
      void call('session:activity', {});
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
        return;
      }
      onActivity();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onActivity);
    const poll = window.setInterval(() => void refresh(), POLL_EVERY_MS);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onActivity);
      window.clearInterval(poll);
    };
  }, [unlocked, lock, refresh]);

  const value = useMemo(
    () => ({ status, problem, setStatus, refresh, lock }),
    [status, problem, setStatus, refresh, lock],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
