import { describe, expect, it } from 'vitest';
import * as vietnamese from './index.ts';

describe('src/vietnamese public API', () => {
  it('exports every function others depend on', () => {
    for (const name of [
      'cleanText',
      'normalizeForMatching',
      'foldText',
      'foldNormalized',
      'tokenize',
      'toExactKey',
      'isVietnameseSyllable',
      'decodeTelex',
      'wordTokenize',
      'segmentText',
      'transliterationJoins',
    ]) {
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks the public functions up by name.
      expect(typeof vietnamese[name as keyof typeof vietnamese], name).toBe('function');
    }
  });

  it('lets the seeds’ two spellings of Marx–Lenin meet', () => {
    const plain = 'Mác - Lênin';
    const hyphenated = 'Mác – Lê-nin';
    const indexed = (text: string) => new Set([...vietnamese.tokenize(text).map((token) => vietnamese.foldText(token.text)), ...vietnamese.transliterationJoins(text)]);
    expect(indexed(hyphenated).has('lenin')).toBe(true);
    expect(indexed(plain).has('lenin')).toBe(true);
    expect(indexed(hyphenated).has('mac')).toBe(true);
  });
});
