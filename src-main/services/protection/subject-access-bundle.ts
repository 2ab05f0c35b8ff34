/**
 * The subject-access bundle from the participant page: the complete export (subject-access.ts,
 * which audits it with the request's dates) as JSON and as a readable PDF, with each letter sent
 * appended as it was sent.
 */
import { PDFDocument } from 'pdf-lib';
import type { Services } from '../../app/services';
import { createPdfRenderer } from '../../pdf/render';
import { buildSubjectAccessBundle } from '../../pdf/documents/subject-access-bundle';
import { safePdfName } from '../../app/desktop';
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
  const office = await services.wp.db
    .selectFrom('offices')
    .select('name')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
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
          controller: office?.name ?? services.wp.actor.name,
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
