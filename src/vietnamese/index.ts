export { cleanText } from './clean.ts';
export { exactKeysFolding, toExactKey } from './exact-key.ts';
export { foldForLocating, foldNormalized, foldText, foldUtf8ForLocating } from './fold.ts';
export { normalizeForMatching } from './normalize.ts';
export { confidentTextWords, confidentWords, lexiconWords, segmentText, wordTokenize, type WordSpan } from './segment.ts';
export { isFoldedSyllable, isVietnameseSyllable } from './syllable.ts';
export { decodeTelex } from './telex.ts';
export { forEachToken, tokenize, type Token } from './tokenize.ts';
export { transliterationJoins } from './transliteration.ts';
