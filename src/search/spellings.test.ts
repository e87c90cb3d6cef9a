import { describe, expect, it } from 'vitest';
import { NO_VOCABULARY, phraseLexicon, spellingVariants, syllableSplits, type SpellingVocabulary } from './spellings.ts';

interface Counts {
  words?: Record<string, number>;
  phrases?: Record<string, number>;
  compounds?: Record<string, number>;
  corrections?: Record<string, number>;
}

/** Counts as an index would give them, by folded text. */
function counted({ words = {}, phrases = {}, compounds = {}, corrections = {} }: Counts): SpellingVocabulary {
  return {
    wordDocuments: (word) => words[word] ?? 0,
    phraseDocuments: (syllables) => phrases[syllables.join(' ')] ?? 0,
    compoundDocuments: (syllables) => compounds[syllables.join(' ')] ?? 0,
    correctionDocuments: (word) => corrections[word] ?? 0,
  };
}

describe('spellingVariants', () => {
  it('cuts a word into syllables every way', () => {
    expect(syllableSplits('hanoi')).toEqual(
      expect.arrayContaining([
        ['ha', 'noi'],
        ['han', 'oi'],
      ]),
    );
    expect(syllableSplits('hochiminh')).toContainEqual(['ho', 'chi', 'minh']);
    expect(syllableSplits('trump')).toEqual([]);
  });

  it('reads a joined name as the commonest phrase it splits into', () => {
    const vocabulary = counted({ words: { hanoi: 100 }, compounds: { 'ha noi': 5781, 'han oi': 3 } });
    expect(spellingVariants(['hanoi', 'pho'], vocabulary)).toEqual([{ kind: 'split', words: ['ha', 'noi', 'pho'], phrases: [{ start: 0, end: 2 }] }]);
  });

  it('leaves a word whose split is rare beside it or no word, a typo, a syllable, a syllable in Telex, or a word typed with marks', () => {
    expect(spellingVariants(['samsung'], counted({ words: { samsung: 242 }, compounds: { 'sam sung': 1 } }))).toEqual([]);
    expect(spellingVariants(['xomban'], counted({ compounds: { 'xom ban': 1 } }))).toEqual([]);
    expect(spellingVariants(['nhoung'], counted({ phrases: { 'nho ung': 16 } }))).toEqual([]);
    expect(spellingVariants(['tuhong'], counted({ compounds: { 'tu hong': 4 }, corrections: { tuhong: 3000 } }))).toEqual([]);
    expect(spellingVariants(['danang'], counted({ compounds: { 'da nang': 1296 }, corrections: { danang: 2 } }))[0]?.words).toEqual(['da', 'nang']);
    expect(spellingVariants(['doung'], phraseLexicon(['do ung']))).toEqual([]);
    expect(spellingVariants(['hoang'], counted({ compounds: { 'ho ang': 50 } }))).toEqual([]);
    expect(spellingVariants(['nhaan'], counted({ compounds: { 'nha an': 50 } }))).toEqual([]);
    expect(spellingVariants(['hànoi'], counted({ compounds: { 'ha noi': 50 } }))).toEqual([]);
  });

  it('splits by a lexicon when the index cannot be counted', () => {
    expect(spellingVariants(['hochiminh'], phraseLexicon(['ho chi minh']))[0]?.words).toEqual(['ho', 'chi', 'minh']);
    expect(spellingVariants(['hochiminh'], NO_VOCABULARY)).toEqual([]);
  });

  it('joins syllables typed apart into the word the index holds, both ways with the split', () => {
    const vocabulary = counted({ words: { lenin: 27 }, phrases: { 'le nin': 9 }, compounds: { 'le nin': 2 } });
    expect(spellingVariants(['Lê', 'Nin'], vocabulary)).toEqual([{ kind: 'joined', words: ['lenin'], phrases: [] }]);
    expect(spellingVariants(['Lenin'], vocabulary)).toEqual([{ kind: 'split', words: ['le', 'nin'], phrases: [{ start: 0, end: 2 }] }]);
    expect(spellingVariants(['Hà', 'Nội'], counted({ words: { hanoi: 100 }, phrases: { 'ha noi': 5964 } }))).toEqual([]);
    expect(spellingVariants(['bắt', 'cóc', 'ở'], counted({ words: { coco: 10 }, phrases: { 'coc o': 15 } }))).toEqual([]);
  });

  it('reads a number after a word in the other numeral system, next to that word', () => {
    expect(spellingVariants(['dai', 'hoi', '13'], NO_VOCABULARY)).toEqual([{ kind: 'numeral', words: ['dai', 'hoi', 'XIII'], phrases: [{ start: 1, end: 3 }] }]);
    expect(spellingVariants(['Đại', 'hội', 'XIII'], NO_VOCABULARY)[0]?.words).toEqual(['Đại', 'hội', '13']);
    expect(spellingVariants(['khóa', 'xiv'], NO_VOCABULARY)[0]?.words).toEqual(['khóa', '14']);
  });

  it('leaves numbers alone at the start, out of range, or where the numeral is a word', () => {
    for (const words of [
      ['13', 'dai', 'hoi'],
      ['nam', '2017'],
      ['hang', 'vi'],
      ['vitamin', 'C'],
      ['xi', 'mang'],
    ]) {
      expect(spellingVariants(words, NO_VOCABULARY), words.join(' ')).toEqual([]);
    }
  });
});
