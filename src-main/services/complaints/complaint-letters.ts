/**
 * The acknowledgement or the current stage's response as a PDF, through the shared pdfmake
 * renderer, and handed to the desktop. Managers only, like everything about complaints.
 */
import { AppError } from '../../errors';
import { createPdfRenderer } from '../../pdf/render';
import { buildComplaintLetter } from '../../pdf/documents/complaint-letter';
import type { WritePath } from '../../write-path/write-path';
import type { Desktop } from '../../app/desktop';
import { providerOfficeName } from '../../db/repositories/diary';
import { findParticipant, toParticipant } from '../../db/repositories/participants';
import { deliverPdf } from '../documents/pdf-delivery';
import type { ComplaintService } from './complaint-service';
import { londonDate } from '@shared/domain/identity/civil-date';
import { prefersWelsh } from '@shared/domain/documents/letter-format';
import type { DesktopOutcome } from '@shared/ipc/channels/desktop';
import type { ChannelParsed } from '@shared/ipc/contract';

export type ComplaintLetterKind = 'acknowledgement' | 'response';

export async function complaintLetterPdf(
  service: ComplaintService,
  wp: WritePath,
  id: string,
  kind: ComplaintLetterKind,
): Promise<Buffer> {
  const complaint = await service.get(id);
  const stage = complaint.stages.at(-1)!;
  const response = await service.responseText(id, stage.index);
  if (kind === 'response' && response === null)
    throw new AppError('refused', 'There is no response at this stage to send yet');
  const row = complaint.participantId
    ? await findParticipant(wp.db, complaint.participantId)
    : undefined;
  const p = row ? toParticipant(row) : null;
  const recipientName = p ? `${p.preferredName ?? p.givenName} ${p.familyName}` : null;
  // The participant's recorded language, as every letter (letter-format.ts).
  const welsh = p ? prefersWelsh(p) : false;
  const now = wp.now();
  return createPdfRenderer().render(
    buildComplaintLetter({
      kind,
      issuedAt: now.toISOString(),
      letterDate: londonDate(now),
      recipientName,
      // The office names the provider, as on the induction letter; else the adviser signs alone.
      providerName: (await providerOfficeName(wp.db)) ?? wp.actor.name,
      signedBy: wp.actor.name,
      receivedOn: complaint.receivedOn,
      about: complaint.about,
      stage: { name: stage.name, responseDue: stage.responseDue, response },
      nextStage: complaint.nextStage,
      laterStages: complaint.route.slice(stage.index + 2),
      ...(welsh ? { language: 'cy-en' as const } : {}),
    }),
  );
}

/** Builds the letter and prints, opens or saves it. */
export async function deliverComplaintLetter(
  service: ComplaintService,
  wp: WritePath,
  desktop: Desktop,
  { id, kind, action }: ChannelParsed<'complaints:letter'>,
): Promise<DesktopOutcome> {
  const title = kind === 'acknowledgement' ? 'Complaint acknowledgement' : 'Complaint response';
  const bytes = await complaintLetterPdf(service, wp, id, kind);
  return deliverPdf(desktop, action, { bytes, fileName: `${title}.pdf`, title });
}
