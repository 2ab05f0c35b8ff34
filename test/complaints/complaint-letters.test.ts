/**
 * The acknowledgement and response letters for both shipped routes, rendered through the real
 * PDF pipeline and read back with pdf.js: each says when the reply is due, where to go next
 * (with that stage's contact and target from the profile) and the rest of the route after it.
 */
import { describe, expect, it } from 'vitest';
import { buildComplaintLetter } from '../../src-main/pdf/documents/complaint-letter';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import { complaintRoute, type RouteStage } from '../../src-shared/domain/complaints/complaint';
import { pdfText } from '../pdf/pdf-reader';

const renderer = createPdfRenderer();
const routeOf = (id: string): RouteStage[] => complaintRoute(shippedProfile(id)!);

async function letter(
  kind: 'acknowledgement' | 'response',
  route: RouteStage[],
  at: number,
): Promise<string> {
  const bytes = await renderer.render(
    buildComplaintLetter({
      kind,
      issuedAt: '2026-12-01T10:00:00.000Z',
      letterDate: '2026-12-01',
      recipientName: 'Sam Taylor',
      providerName: 'Leeds Hub',
      signedBy: 'Mina Manager',
      receivedOn: '2026-11-23',
      about: 'The booking of my first meeting',
      stage: {
        name: route[at]!.name,
        responseDue: kind === 'acknowledgement' ? '2026-12-07' : null,
        response: kind === 'response' ? 'We have changed how we book first meetings.' : null,
      },
      nextStage: route[at + 1] ?? null,
      laterStages: route.slice(at + 2),
    }),
  );
  return (await pdfText(bytes)).replace(/\s+/g, ' ');
}

describe('complaint letters explain the route', () => {
  it('Work Programme: provider, then the prime contractor, Jobcentre Plus and the Independent Case Examiner', async () => {
    const route = routeOf('work-programme');
    const ack = await letter('acknowledgement', route, 0);
    expect(ack).toContain('Dear Sam Taylor,');
    expect(ack).toContain('We received your complaint on 23 November 2026');
    expect(ack).toContain('reply to you by 7 December 2026');
    expect(ack).toContain(
      `you can take your complaint to ${route[1]!.name}. ${route[1]!.contact} They aim to reply within 15 working days.`,
    );
    expect(ack).toContain(
      `the complaints route goes on to ${route[2]!.name} and then ${route[3]!.name}.`,
    );
    expect(ack).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const atFunder = await letter('response', route, 2);
    expect(atFunder).toContain('We have changed how we book first meetings.');
    expect(atFunder).toContain(`you can take your complaint to ${route[3]!.name}.`);
    // The ombudsman keeps its own timetable: no target is promised for it.
    expect(atFunder).not.toContain('They aim to reply');
    expect(atFunder).not.toContain('the complaints route goes on');
  });

  it('No One Left Behind: provider, then the Scottish Government, then the SPSO', async () => {
    const route = routeOf('no-one-left-behind');
    expect(route.map((s) => s.level)).toEqual(['provider', 'funder', 'ombudsman']);
    const response = await letter('response', route, 0);
    expect(response).toContain(`you can take your complaint to ${route[1]!.name}.`);
    expect(response).toContain(
      'the complaints route goes on to Scottish Public Services Ombudsman (SPSO).',
    );
    const last = await letter('response', route, 2);
    expect(last).toContain('This was the last stage of the complaints route.');
  });
});
