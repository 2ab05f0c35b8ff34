/**
 * The channel names alone, for the sandboxed preload (which must not bundle zod). contract.ts
 * checks at compile time that this list and the contract's keys are the same set.
 */
export const CHANNEL_NAMES = [
  'session:status',
  'session:setup',
  'session:unlock',
  'session:lock',
  'session:activity',
  'session:changePassphrase',
  'session:setAutoLock',
  'caseload:list',
  'participant:create',
  'participant:get',
  'participant:update',
  'participant:setStatus',
  'participant:timeline',
  'import:start',
  'import:progress',
  'import:cancel',
  'import:errorReport',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The single Electron IPC channel every call travels on; the contract channel is its first argument. */
export const IPC_INVOKE = 'waymark:invoke';
