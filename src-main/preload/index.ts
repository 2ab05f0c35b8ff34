/**
 * The sandboxed preload: exposes `window.waymark`, one function per contract channel, and
 * nothing else (never ipcRenderer itself). Bundled to a single CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, IPC_INVOKE } from '@shared/ipc/channel-names';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  ]),
);

contextBridge.exposeInMainWorld('waymark', Object.freeze(api));
