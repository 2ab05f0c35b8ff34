/** Every IPC channel declares who may call it and what it returns, and each declaration is servable. */
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import {
  ADVISER_ROLES,
  DATA_CLASSES,
  UNDECLARED_ACCESS,
  accessFor,
  channelAccess,
  roleSees,
} from '../../src-shared/ipc/access';
import { filters, guards, servable } from '../../src-main/ipc/role-filters';
import type { Channel } from '../../src-shared/ipc/contract';

describe('channel access declarations', () => {
  it('every channel declares its roles and data classes, and nothing else is declared', () => {
    expect(Object.keys(channelAccess).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      const access = accessFor(channel);
      expect(access.roles.length, channel).toBeGreaterThan(0);
      expect(access.returns.length, channel).toBeGreaterThan(0);
      for (const role of access.roles) expect(ADVISER_ROLES).toContain(role);
      for (const data of access.returns) expect(DATA_CLASSES).toContain(data);
    }
  });

  it('a channel nobody declared is for the adviser alone', () => {
    expect(accessFor('reports:new-unlisted')).toBe(UNDECLARED_ACCESS);
    expect(accessFor('__proto__')).toBe(UNDECLARED_ACCESS);
    expect(UNDECLARED_ACCESS.roles).toEqual(['adviser']);
  });

  it('a role that may not see a returned class reaches the channel only through a filter or guard', () => {
    for (const channel of CHANNEL_NAMES as readonly Channel[]) {
      const { roles, returns } = accessFor(channel);
      for (const role of roles) {
        const hidden = returns.filter((d) => !roleSees(role, d));
        const protectedBy = channel in filters || channel in guards;
        expect(servable(channel, role, returns), `${channel} as ${role}`).toBe(
          hidden.length === 0 || protectedBy,
        );
        if (hidden.length > 0) expect(protectedBy, `${channel} as ${role}`).toBe(true);
      }
    }
  });

  it('only the adviser sees health data; reception sees ordinary data only', () => {
    expect(ADVISER_ROLES.filter((r) => roleSees(r, 'health'))).toEqual(['adviser']);
    expect(DATA_CLASSES.filter((d) => roleSees('reception', d))).toEqual(['ordinary']);
  });
});
