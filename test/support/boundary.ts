/**
 * What the IPC router answers to an input before any handler runs: the contract's schema, turned
 * into the same error the router sends. Services trust their input (validation happens once, at
 * the router), so rules that live in a schema are tested here, not by calling a service.
 */
import { contract, type Channel } from '../../src-shared/ipc/contract';
import { zodToIpc } from '../../src-main/ipc/router';

export function boundaryRefusal(
  channel: Channel,
  input: unknown,
): { code: string; message: string; field?: string } | null {
  const parsed = contract[channel].input.safeParse(input);
  return parsed.success ? null : zodToIpc(parsed.error).toIpc();
}
