import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyDocument as document, writerAndReader, type WriterAndReader } from '../../../tests/lib/index-files.ts';
import type { IndexFile } from './index-file.ts';
import { IndexWords } from './index-words.ts';
import { DEFAULT_TYPO_OPTIONS } from './typos.ts';

/** Lets the steps queued with setImmediate run. */
const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('IndexWords', () => {
  let files: WriterAndReader;
  let writer: IndexFile;
  let reader: IndexFile;

  beforeEach(() => {
    files = writerAndReader([document('a', 'Hoà bình và hợp tác.'), document('b', 'Hoà giải.')]);
    ({ writer, reader } = files);
  });
  afterEach(() => files.close());

  it('completes a prefix with the words the most documents hold first', () => {
    const words = new IndexWords(reader, DEFAULT_TYPO_OPTIONS);
    expect(words.completions('ho')).toEqual(['hoa', 'hop']);
  });

  it('serves the older words while a newer vocabulary loads in steps, then installs it whole', async () => {
    const words = new IndexWords(reader, DEFAULT_TYPO_OPTIONS);
    expect(words.vocabulary().has('chien')).toBe(false);
    writer.upsert([document('c', 'Chiến tranh.')]);
    writer.commit();
    words.reload(() => true);
    expect(words.vocabulary().has('chien'), 'a search meanwhile reads the older words').toBe(false);
    await vi.waitFor(() => expect(words.revision).toBe(1));
    expect(words.vocabulary().get('chien')).toBe(1);
    expect(words.completions('chi')).toEqual(['chien']);
  });

  it('stops loading when its words are no longer the ones in use', async () => {
    const words = new IndexWords(reader, DEFAULT_TYPO_OPTIONS);
    words.vocabulary();
    writer.upsert([document('c', 'Chiến tranh.')]);
    writer.commit();
    words.reload(() => false);
    await turns(5);
    expect(words.revision).toBe(0);
    expect(words.vocabulary().has('chien')).toBe(false);
  });

  it('loads nothing on a reload before any search read the words', async () => {
    const words = new IndexWords(reader, DEFAULT_TYPO_OPTIONS);
    words.reload(() => true);
    await turns(5);
    expect(words.revision).toBe(0);
  });
});
