/**
 * The Desktop for tests: each call's PDF is written to `<dir>/<action>-<n>.pdf` and the call is
 * recorded, so a test can read the exact bytes the app would have printed, opened or saved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Desktop } from '../../src-main/app/desktop';

export interface DesktopCall {
  action: 'print' | 'open' | 'save';
  /** The print title, or the (suggested) file name. */
  name: string;
  file: string;
}

export interface RecordingDesktop extends Desktop {
  dir: string;
  calls: DesktopCall[];
  /** What the next save dialogs answer: false plays the adviser pressing Cancel. */
  saveAnswers: boolean[];
  /** What the next print dialogs answer: false plays the adviser pressing Cancel. */
  printAnswers: boolean[];
}

export function recordingDesktop(dir: string): RecordingDesktop {
  const calls: DesktopCall[] = [];
  const saveAnswers: boolean[] = [];
  const printAnswers: boolean[] = [];
  const record = (action: DesktopCall['action'], pdf: Buffer, name: string) => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${action}-${calls.filter((c) => c.action === action).length + 1}.pdf`);
    writeFileSync(file, pdf);
    calls.push({ action, name, file });
  };
  return {
    dir,
    calls,
    saveAnswers,
    printAnswers,
    printPdf: async (pdf, title) => {
      const printed = printAnswers.shift() ?? true;
      if (printed) record('print', pdf, title);
      return { printed };
    },
    openPdf: async (pdf, fileName) => record('open', pdf, fileName),
    savePdf: async (pdf, suggestedName) => {
      const saved = saveAnswers.shift() ?? true;
      if (saved) record('save', pdf, suggestedName);
      return { saved };
    },
  };
}
