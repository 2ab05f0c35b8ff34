import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE } from '@shared/ipc/channel-names';
import type { Router } from '../ipc/router';
import { originOf } from './security-policy';

/** One handler: the sender frame's origin goes to the router, which refuses any but the app's. */
export function wireIpc(router: Router): void {
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const origin = event.senderFrame ? originOf(event.senderFrame.url) : 'null';
    return router(typeof channel === 'string' ? channel : '', input, origin);
  });
}
