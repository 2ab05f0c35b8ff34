import { useCallback, useEffect, useState } from 'react';
import type { Participant, TimelineEvent } from '@shared/schemas/participant';
import { call } from '../../api';

export interface ParticipantData {
  participant: Participant | null;
  timeline: TimelineEvent[];
  problem: string | null;
  reload(): Promise<void>;
}

type Loaded =
  | { ok: true; participant: Participant; timeline: TimelineEvent[] }
  | { ok: false; problem: string };

async function load(id: string, withTimeline: boolean): Promise<Loaded> {
  const [p, t] = await Promise.all([
    call('participant:get', { id }),
    withTimeline ? call('participant:timeline', { id }) : Promise.resolve(null),
  ]);
  if (!p.ok) return { ok: false, problem: p.error.message };
  return { ok: true, participant: p.value, timeline: t?.ok ? t.value : [] };
}

/** Loads a participant and their timeline; `reload` after a change. */
export function useParticipant(id: string, withTimeline = true): ParticipantData {
  const [participant, setParticipant] = useState<Participant | null>(null);
  const [timeline, setTimeline] = useState<TimelineEvent[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = useCallback((loaded: Loaded) => {
    if (!loaded.ok) return setProblem(loaded.problem);
    setParticipant(loaded.participant);
    setTimeline(loaded.timeline);
    setProblem(null);
  }, []);

  useEffect(() => {
    let live = true;
    void load(id, withTimeline).then((loaded) => live && apply(loaded));
    return () => {
      live = false;
    };
  }, [id, withTimeline, apply]);

  const reload = useCallback(() => load(id, withTimeline).then(apply), [id, withTimeline, apply]);

  return { participant, timeline, problem, reload };
}
