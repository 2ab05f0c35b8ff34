/** The renderer's only door to the main process: the typed `window.waymark` from the preload. */
import type { Channel, ChannelInput, ChannelOutput, WaymarkApi } from '@shared/ipc/contract';
import type { IpcError, Result } from '@shared/ipc/result';

declare global {
  interface Window {
    waymark: WaymarkApi;
  }
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Told whenever any call answers 'locked' (auto-lock happened), so the app can show unlock. */
export function onLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const fn = window.waymark[channel] as (
    input: ChannelInput<C>,
  ) => Promise<Result<ChannelOutput<C>>>;
  const result = await fn(input);
  if (!result.ok && result.error.code === 'locked') for (const l of lockedListeners) l();
  return result;
}

export class CallFailed extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

/** For callers that only want the value: a failed call throws CallFailed. */
export async function callOrThrow<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}
