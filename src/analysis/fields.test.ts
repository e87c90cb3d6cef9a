import { describe, expect, it } from 'vitest';
import { analyzeText, buildIndexFields, termForms } from './fields.ts';

describe('analysis of the index fields', () => {
  it('keeps the diacritics apart in the exact form only', () => {
    expect(termForms('bán')).toEqual({ folded: 'ban', exact: 'bans' });
    expect(termForms('bạn')).toEqual({ folded: 'ban', exact: 'banj' });
  });

  it('gives one form to either tone placement and either case', () => {
    expect(termForms('Hòa')).toEqual(termForms('hoà'));
  });

  it('aligns the folded and exact forms word for word, one token per word', () => {
    const forms = analyzeText('Bạn hàng ⅓ — mới');
    expect(forms.folded.split(' ')).toHaveLength(forms.exact.split(' ').length);
    expect(forms.folded).toBe('ban hang 13 moi');
    for (const token of `${forms.folded} ${forms.exact}`.split(' ')) expect(token).toMatch(/^[a-z0-9]+$/);
  });

  it('indexes the title and body, the joined transliterations and the confident words', () => {
    const fields = buildIndexFields({
      id: 'a',
      title: 'Hãng hàng không',
      body: 'Lê-nin nói.',
      date: null,
      year: null,
      date_source: null,
      source: null,
      url: null,
      parties: [],
      countries: [],
    });
    expect(fields.title_folded).toBe('hang hang khong');
    expect(fields.body_folded).toBe('le nin noi');
    expect(fields.joined).toBe('lenin');
    expect(fields.words_folded.split(' ')).toContain('hang_khong');
  });
});
