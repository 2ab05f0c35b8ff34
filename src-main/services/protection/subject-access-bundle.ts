/**
 * The subject-access bundle from the participant page: the complete export (subject-access.ts,
 * which audits it with the request's dates) as JSON and as a readable PDF, with each letter sent
 * appended as it was sent.
 */
import { PDFDocument } from 'pdf-lib';
import type { Services } from '../../app/services';
import { createPdfRenderer } from '../../pdf/render';
import { buildSubjectAccessBundle } from '../../pdf/documents/subject-access-bundle';
import { safePdfName, type Desktop } from '../../app/desktop';
import { AppError } from '../../errors';
import { providerOfficeName } from '../../db/repositories/diary';
import { deliverPdf } from '../documents/pdf-delivery';
import { londonDate } from '@shared/domain/identity/civil-date';
import type { SubjectAccessOutcome } from '@shared/ipc/channels/subject-access';
import type { ChannelParsed } from '@shared/ipc/contract';
import { exportSubjectAccess, type SubjectAccessExport } from './subject-access';

export interface SubjectAccessBundle {
  export: SubjectAccessExport;
  /** Without extension: '<referral id> subject access <received date>'. */
  baseName: string;
  pdf(): Promise<Buffer>;
  json(): string;
}

export async function subjectAccessBundle(
  services: Services,
  participantId: string,
  requestedOn: string,
): Promise<SubjectAccessBundle> {
  const x = await exportSubjectAccess(services, participantId, { requestedOn });
  const p = x.participant as { givenName: string; familyName: string; referralId: string };
  const office = await providerOfficeName(services.wp.db);
  const baseName = safePdfName(`${p.referralId} subject access ${requestedOn}`).replace(
    /\.pdf$/,
    '',
  );
  return {
    export: x,
    baseName,
    json: () => JSON.stringify(x, null, 2),
    pdf: async () => {
      const bundle = await createPdfRenderer().render(
        buildSubjectAccessBundle(x, {
          name: `${p.givenName} ${p.familyName}`,
          controller: office ?? services.wp.actor.name,
        }),
      );
      if (x.letters.length === 0) return bundle;
      const out = await PDFDocument.load(bundle);
      for (const letter of x.letters) {
        const doc = await PDFDocument.load(Buffer.from(letter.pdfBase64, 'base64'));
        for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
      }
      return Buffer.from(await out.save());
    },
  };
}

/**
 * The export asked for from the participant page: JSON goes back for the renderer to offer as a
 * file; the PDF is printed, opened or saved (saved unless told otherwise).
 */
export async function deliverSubjectAccess(
  services: Services,
  desktop: Desktop,
  { participantId, requestedOn, format, action }: ChannelParsed<'subjectAccess:export'>,
): Promise<SubjectAccessOutcome> {
  if (requestedOn > londonDate(services.wp.now()))
    throw new AppError(
      'invalid-input',
      'The date the request was received must be today or in the past',
      'requestedOn',
    );
  const bundle = await subjectAccessBundle(services, participantId, requestedOn);
  const respondBy = bundle.export.request.respondBy;
  if (format === 'json')
    return {
      respondBy,
      fileName: `${bundle.baseName}.json`,
      done: true,
      action: 'download',
      content: bundle.json(),
    };
  const outcome = await deliverPdf(desktop, action ?? 'save', {
    bytes: await bundle.pdf(),
    fileName: `${bundle.baseName}.pdf`,
    title: 'Subject access request',
  });
  return { respondBy, ...outcome };
}
