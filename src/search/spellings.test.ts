import { describe, expect, it } from 'vitest';
import { NO_VOCABULARY, phraseLexicon, spellingVariants, syllableSplits, type SpellingVocabulary } from './spellings.ts';

/** Counts as an index would give them: words and phrases by their folded text. */
function counted(words: Record<string, number>, phrases: Record<string, number>): SpellingVocabulary {
  return { wordDocuments: (word) => words[word] ?? 0, phraseDocuments: (syllables) => phrases[syllables.join(' ')] ?? 0 };
}

describe('spellingVariants', () => {
  it('cuts a word into syllables every way', () => {
    expect(syllableSplits('hanoi')).toEqual(expect.arrayContaining([['ha', 'noi'], ['han', 'oi']]));
    expect(syllableSplits('hochiminh')).toContainEqual(['ho', 'chi', 'minh']);
    expect(syllableSplits('trump')).toEqual([]);
  });

  it('reads a joined name as the commonest phrase it splits into', () => {
    const vocabulary = counted({ hanoi: 100 }, { 'ha noi': 5964, 'han oi': 3 });
    expect(spellingVariants(['hanoi', 'pho'], vocabulary)).toEqual([{ kind: 'split', words: ['ha', 'noi', 'pho'], phrases: [{ start: 0, end: 2 }] }]);
  });

  it('leaves a word whose split is rare beside it, a syllable, a syllable in Telex, or a word typed with marks', () => {
    expect(spellingVariants(['nhaan'], counted({}, { 'nha an': 50 }))).toEqual([]);
    expect(spellingVariants(['samsung'], counted({ samsung: 242 }, { 'sam sung': 4 }))).toEqual([]);
    expect(spellingVariants(['xomban'], counted({}, { 'xom ban': 1 }))).toEqual([]);
    expect(spellingVariants(['hoang'], counted({}, { 'ho ang': 50 }))).toEqual([]);
    expect(spellingVariants(['hànoi'], counted({}, { 'ha noi': 50 }))).toEqual([]);
  });

  it('splits by a lexicon when the index cannot be counted', () => {
    expect(spellingVariants(['hochiminh'], phraseLexicon(['ho chi minh']))[0]?.words).toEqual(['ho', 'chi', 'minh']);
    expect(spellingVariants(['hochiminh'], NO_VOCABULARY)).toEqual([]);
  });

  it('joins syllables typed apart into the word the index holds, both ways with the split', () => {
    const vocabulary = counted({ lenin: 27 }, { 'le nin': 9 });
    expect(spellingVariants(['Lê', 'Nin'], vocabulary)).toEqual([{ kind: 'joined', words: ['lenin'], phrases: [] }]);
    expect(spellingVariants(['Lenin'], vocabulary)).toEqual([{ kind: 'split', words: ['le', 'nin'], phrases: [{ start: 0, end: 2 }] }]);
    expect(spellingVariants(['Hà', 'Nội'], counted({ hanoi: 100 }, { 'ha noi': 5964 }))).toEqual([]);
  });

  it('reads a number after a word in the other numeral system, next to that word', () => {
    expect(spellingVariants(['dai', 'hoi', '13'], NO_VOCABULARY)).toEqual([{ kind: 'numeral', words: ['dai', 'hoi', 'XIII'], phrases: [{ start: 1, end: 3 }] }]);
    expect(spellingVariants(['Đại', 'hội', 'XIII'], NO_VOCABULARY)[0]?.words).toEqual(['Đại', 'hội', '13']);
    expect(spellingVariants(['khóa', 'xiv'], NO_VOCABULARY)[0]?.words).toEqual(['khóa', '14']);
  });

  it('leaves numbers alone at the start, out of range, or where the numeral is a word', () => {
    for (const words of [['13', 'dai', 'hoi'], ['nam', '2017'], ['hang', 'vi'], ['vitamin', 'C'], ['xi', 'mang']]) {
      expect(spellingVariants(words, NO_VOCABULARY), words.join(' ')).toEqual([]);
    }
  });
});
