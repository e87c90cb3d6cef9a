import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './query.ts';
import { buildSynonymMap } from './synonyms.ts';
import { NO_VOCABULARY, phraseLexicon } from './spellings.ts';

describe('analyzeQuery', () => {
  it('reads a folded query as folded words, with no exact forms', () => {
    expect(analyzeQuery('dang cong san').readings).toEqual([
      {
        kind: 'typed',
        diacritized: false,
        terms: [
          { folded: 'dang', exact: null },
          { folded: 'cong', exact: null },
          { folded: 'san', exact: null },
        ],
        words: [],
        written: ['dang', 'cong', 'san'],
        telexThroughout: false,
      },
    ]);
  });

  it('tells a query typed in Telex throughout from one with other words, or with a typo that decodes', () => {
    const telex = (text: string) => analyzeQuery(text).readings.find((reading) => reading.kind === 'telex');
    expect(telex('lamf gif')).toMatchObject({ written: ['làm', 'gì'], telexThroughout: true });
    expect(telex('trump muoons nois gif')).toMatchObject({ written: ['trump', 'muốn', 'nói', 'gì'], telexThroughout: false });
    expect(telex('cay nay torng nha khoi')).toMatchObject({ written: ['cay', 'nay', 'tỏng', 'nha', 'khoi'], telexThroughout: false });
  });

  it('keeps a word the index holds about as often as its decoding as typed in the Telex reading (`IS`, not `í`)', () => {
    const counts: Record<string, number> = { is: 934, i: 994, giua: 9262, lan: 16734, dan: 22249, cas: 3, ca: 20000, gif: 4, gi: 6 };
    const vocabulary = { ...NO_VOCABULARY, wordDocuments: (word: string) => counts[word] ?? 0 };
    const telex = (text: string) => analyzeQuery(text, new Map(), vocabulary).readings.find((reading) => reading.kind === 'telex');
    expect(telex('giuwax lanf ddanj is')).toMatchObject({ written: ['giữa', 'làn', 'đạn', 'is'], telexThroughout: true });
    // A word the index barely uses, or far less than its decoding, is keys.
    expect(telex('cas')).toMatchObject({ written: ['cá'] });
    expect(telex('lamf gif')).toMatchObject({ written: ['làm', 'gì'] });
    // Without a vocabulary (an engine that cannot count words), every word that decodes is decoded.
    expect(analyzeQuery('giuwax lanf ddanj is').readings.find((reading) => reading.kind === 'telex')).toMatchObject({ written: ['giữa', 'làn', 'đạn', 'í'] });
  });

  it('finds the words of a diacritized query, and leaves overlapping words unjoined', () => {
    expect(analyzeQuery('hàng không').readings[0]?.words).toEqual([{ start: 0, end: 2 }]);
    expect(analyzeQuery('giá vé hàng không').readings[0]?.words).toEqual([{ start: 2, end: 4 }]);
    expect(analyzeQuery('học sinh học').readings[0]?.words).toEqual([]);
    expect(analyzeQuery('hang khong').readings[0]?.words).toEqual([]);
  });

  it('joins no words in any reading of a query typed without diacritics, expansions included', () => {
    const synonyms = buildSynonymMap([{ canonical: 'Trung Quốc', aliases: ['TQ'] }]);
    const expanded = (text: string) => analyzeQuery(text, synonyms).readings.find((reading) => reading.kind === 'synonym');
    expect(expanded('kinh tế TQ')?.words).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(expanded('kinh te TQ')?.diacritized).toBe(true);
    expect(expanded('kinh te TQ')?.words).toEqual([]);
  });

  it('keeps the exact form of every word of a diacritized query, plain words included', () => {
    const [typed] = analyzeQuery('hoa mận nở').readings;
    expect(typed?.diacritized).toBe(true);
    expect(typed?.terms.map((term) => term.folded)).toEqual(['hoa', 'man', 'no']);
    expect(typed?.terms[0]?.exact).toBe('hoa');
    expect(new Set(typed?.terms.map((term) => term.exact)).size).toBe(3);
  });

  it('gives the same reading for both tone placements', () => {
    expect(analyzeQuery('hoà bình').readings).toEqual(analyzeQuery('hòa bình').readings);
  });

  it('adds a Telex reading after the typed one', () => {
    const readings = analyzeQuery('ddangr coongj sanr').readings;
    expect(readings.map((reading) => reading.kind)).toEqual(['typed', 'telex']);
    expect(readings[1]?.terms.map((term) => term.folded)).toEqual(['dang', 'cong', 'san']);
    expect(readings[1]?.diacritized).toBe(true);
    expect(analyzeQuery('ASEAN news').readings).toHaveLength(1);
  });

  it('adds the joined form of a hyphenated transliteration', () => {
    const readings = analyzeQuery('Lê-nin').readings;
    expect(readings.find((reading) => reading.kind === 'joined')?.terms.map((term) => term.folded)).toEqual(['lenin']);
  });

  it('expands synonyms in place, both ways', () => {
    const synonyms = buildSynonymMap([{ canonical: 'Trung Quốc', aliases: ['TQ'] }]);
    const readings = analyzeQuery('kinh tế TQ', synonyms).readings;
    expect(readings.find((reading) => reading.kind === 'synonym')?.terms.map((term) => term.folded)).toEqual(['kinh', 'te', 'trung', 'quoc']);
    expect(
      analyzeQuery('trung quoc', synonyms)
        .readings.find((reading) => reading.kind === 'synonym')
        ?.terms.map((term) => term.folded),
    ).toEqual(['tq']);
  });

  it('has no readings for a query without words', () => {
    expect(analyzeQuery('  ?! ').readings).toEqual([]);
  });

  it('reads quoted words as phrases, exact when typed with diacritics, and no alternative but Telex', () => {
    const synonyms = buildSynonymMap([{ canonical: 'Trung Quốc', aliases: ['TQ'] }]);
    const { readings } = analyzeQuery('"bạn hàng" "ban hang" TQ', synonyms);
    expect(readings.map((reading) => reading.kind)).toEqual(['typed']);
    expect(readings[0]?.phrases).toEqual([
      { start: 0, end: 2, exact: true },
      { start: 2, end: 4, exact: false },
    ]);
  });

  it('keeps excluded words out of the readings, exact only when typed with diacritics', () => {
    const query = analyzeQuery('bán hàng -bạn -online');
    expect(query.readings[0]?.terms.map((term) => term.folded)).toEqual(['ban', 'hang']);
    expect(query.excluded).toEqual([
      { folded: 'ban', exact: 'banj' },
      { folded: 'online', exact: null },
    ]);
    expect(analyzeQuery('bán hàng').excluded).toBeUndefined();
  });

  it('adds the readings of other spellings, their phrases with them', () => {
    const readings = analyzeQuery('hanoi dai hoi 13', new Map(), phraseLexicon(['ha noi'])).readings;
    expect(readings.map((reading) => [reading.kind, reading.terms.map((term) => term.folded).join(' '), reading.phrases])).toEqual([
      ['typed', 'hanoi dai hoi 13', undefined],
      ['split', 'ha noi dai hoi 13', [{ start: 0, end: 2, exact: false }]],
      ['numeral', 'hanoi dai hoi xiii', [{ start: 2, end: 4, exact: false }]],
    ]);
  });
});
