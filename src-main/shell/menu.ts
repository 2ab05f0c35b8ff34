import { Menu, type BrowserWindow } from 'electron';

export function installMenu(_win: BrowserWindow, onLock: () => void): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'Waymark',
      submenu: [
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: onLock },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
