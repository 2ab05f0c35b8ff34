import { dialog } from 'electron';

/** A start-up failure the adviser must see (a newer database, a failed migration). */
export function showFatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
