import { describe, expect, it } from 'vitest';
import { merge, unknownFields, MERGE_FIELDS, type MergeValues } from '../../src-main/pdf/merge';
import { clockTime, longDate, pounds } from '../../src-main/pdf/format';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import { inductionSample, ppepSample } from './sample-data';

const values = Object.fromEntries(MERGE_FIELDS.map((f) => [f, `<${f}>`])) as MergeValues;

describe('merge fields', () => {
  it('inserts values once and never reads a value as wording', () => {
    const v = { ...values, 'participant.preferredName': '{{office.name}} **x** <b>' };
    expect(merge('Dear {{ participant.preferredName }}, from {{office.name}}', v)).toBe(
      'Dear {{office.name}} **x** <b>, from <office.name>',
    );
  });

  it('leaves unknown fields as written and reports them', () => {
    expect(merge('Hi {{participant.shoeSize}}', values)).toBe('Hi {{participant.shoeSize}}');
    expect(unknownFields('{{participant.shoeSize}} {{office.name}} {{ x }}')).toEqual([
      'participant.shoeSize',
      'x',
    ]);
  });
});

describe('dates, times and money', () => {
  it('writes them as GOV.UK style does, in English and Welsh', () => {
    expect(longDate('2026-12-01', 'en')).toBe('Tuesday 1 December 2026');
    expect(longDate('2027-02-28', 'cy')).toBe('Dydd Sul 28 Chwefror 2027');
    expect(clockTime('09:00', 'en')).toBe('9am');
    expect(clockTime('14:30', 'en')).toBe('2:30pm');
    expect(clockTime('12:00', 'en')).toBe('midday');
    expect(clockTime('10:15', 'cy')).toBe('10:15yb');
    expect(pounds(1587.3)).toBe('£1,587.30');
    expect(pounds(-12)).toBe('-£12.00');
    expect(pounds(0.004)).toBe('£0.00');
  });
});

describe('building a document', () => {
  it('leaves its snapshot untouched, so the logged snapshot is what printed', async () => {
    const renderer = createPdfRenderer();
    for (const s of [inductionSample({}, { language: 'cy-en' }), ppepSample()]) {
      const before = JSON.stringify(s);
      await renderer.render(buildDocument(s));
      await renderer.render(buildDocument(s));
      expect(JSON.stringify(s)).toBe(before);
    }
  });
});
