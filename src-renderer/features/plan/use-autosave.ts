/**
 * Autosave for the plan draft: every change is kept in memory at once and written, debounced,
 * through 'plan:saveDraft'. Saves run one after another (each carries the revision the last one
 * returned), and leaving the page flushes whatever is still waiting, so nothing typed is lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanContent, PlanDraft } from '@shared/schemas/plan';
import { call } from '../../api';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveState =
  | { state: 'saved'; at: string }
  | { state: 'saving' }
  | { state: 'unsaved' }
  | { state: 'failed'; message: string }
  /** The words on screen break a rule (31 November): kept as typed, saved once put right. */
  | { state: 'held'; message: string };

export function useAutosave(participantId: string, draft: PlanDraft) {
  const [content, setContent] = useState(draft.content);
  const [save, setSave] = useState<SaveState>({ state: 'saved', at: draft.savedAt });
  const revision = useRef(draft.revision);
  const waiting = useRef<PlanContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const held = useRef<string | null>(null);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    queue.current = queue.current.then(async () => {
      const next = waiting.current;
      if (!next) return;
      waiting.current = null;
      setSave({ state: 'saving' });
      const result = await call('plan:saveDraft', {
        participantId,
        expectedRevision: revision.current,
        content: next,
      });
      if (result.ok) {
        revision.current = result.value.revision;
        setSave(
          waiting.current
            ? { state: 'unsaved' }
            : held.current
              ? { state: 'held', message: held.current }
              : { state: 'saved', at: result.value.savedAt },
        );
      } else {
        // Keep the words so the next change (or Retry) sends them again.
        waiting.current ??= next;
        setSave({ state: 'failed', message: result.error.message });
      }
    });
    return queue.current;
  }, [participantId]);

  const update = useCallback(
    (next: PlanContent) => {
      held.current = null;
      setContent(next);
      waiting.current = next;
      setSave({ state: 'unsaved' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Nothing newer is saved while the form shows a problem; what was valid before still is. */
  const hold = useCallback((message: string) => {
    held.current = message;
    setSave((s) => (s.state === 'saving' ? s : { state: 'held', message }));
  }, []);

  useEffect(() => {
    const leave = () => void flush();
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      void flush();
    };
  }, [flush]);

  return { content, update, hold, save, flush, revision: () => revision.current };
}
