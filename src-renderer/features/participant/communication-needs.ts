/** A participant's communication needs in words, for their page and wherever they are met. */
import type { Participant } from '@shared/schemas/participant';

export function communicationNeeds(p: Participant): string[] {
  const needs: string[] = [];
  if (p.accessibleFormats.largePrint) needs.push('Large print letters');
  if (p.accessibleFormats.welsh) needs.push('Letters in Welsh');
  if (p.accessibleFormats.easyRead) needs.push('Easy Read letters');
  if (p.interpreterNeeded) needs.push(`Needs an interpreter (${p.language})`);
  return needs;
}
