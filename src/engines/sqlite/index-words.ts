import type { IndexFile } from './index-file.ts';
import { LruCache } from './lru-cache.ts';
import { corrections, type TypoOptions } from './typos.ts';

/** Vocabulary rows loaded per step when another process committed: a search waits behind one short step at most. */
const VOCABULARY_PAGE = 2000;
const CORRECTIONS_CACHE_SIZE = 10_000;
/** Completions of a partly typed word that suggestions consider, the commonest first. */
const COMPLETIONS_PER_PREFIX = 20;

/**
 * The words of an index file (vocabulary, typo corrections, the sorted words completion searches),
 * kept across other processes' commits: a re-index commits often, and reloading them at once on a
 * search's path stalls that search, while words one commit old only make a correction or completion
 * briefly out of date. So a newer vocabulary is loaded in steps between searches, the older words
 * serving meanwhile (docs/index-format.md, "When writes become visible"). This process's own
 * writes replace the whole object instead.
 */
export class IndexWords {
  private loaded?: Map<string, number>;
  /** Typo corrections by folded word: the same misspellings come back, and finding them tries hundreds of edits. */
  private corrected?: LruCache<string, readonly string[]>;
  private sorted?: string[];
  /** Set while the words of a newer data version load in steps. */
  private reloading?: { again: boolean };
  /** Counts the vocabularies installed by reloads: answers given with older words may hold corrections the new ones change. */
  revision = 0;

  constructor(
    private readonly file: IndexFile,
    private readonly typos: TypoOptions,
  ) {}

  /** Folded word → how many documents hold it. */
  vocabulary(): Map<string, number> {
    return (this.loaded ??= this.file.vocabulary.all());
  }

  /** Likely intended index words for a word the index lacks or barely holds (`typos.ts`). */
  corrections(word: string): readonly string[] {
    const memo = (this.corrected ??= new LruCache(CORRECTIONS_CACHE_SIZE));
    let found = memo.get(word);
    if (!found) {
      const vocabulary = this.vocabulary();
      found = corrections(
        word,
        (candidate) => vocabulary.get(candidate) ?? 0,
        this.typos,
        (term) => this.startingWith(term[0]!),
      );
      memo.set(word, found);
    }
    return found;
  }

  /** The index words that start with `prefix`, those in the most documents first. */
  completions(prefix: string): string[] {
    const vocabulary = this.vocabulary();
    return this.startingWith(prefix)
      .sort((a, b) => vocabulary.get(b)! - vocabulary.get(a)!)
      .slice(0, COMPLETIONS_PER_PREFIX);
  }

  /** The index words that start with `prefix`, in alphabetical order (a binary search in the sorted vocabulary). */
  private startingWith(prefix: string): string[] {
    const words = (this.sorted ??= [...this.vocabulary().keys()].sort());
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    let end = low;
    while (end < words.length && words[end]!.startsWith(prefix)) end++;
    return words.slice(low, end);
  }

  /** Drops the corrections found so far (those of warm-up searches). */
  forgetCorrections(): void {
    this.corrected = undefined;
  }

  /**
   * Loads the vocabulary again in steps between searches, once one was loaded, then installs it
   * whole; stops when `current` says these words are no longer the ones in use.
   */
  reload(current: () => boolean): void {
    if (!this.loaded) return;
    if (this.reloading) {
      this.reloading.again = true;
      return;
    }
    const reload = (this.reloading = { again: false });
    const vocabulary = new Map<string, number>();
    let after = '';
    const step = () => {
      if (!current()) return void (this.reloading = undefined);
      let page: [string, number][];
      try {
        page = this.file.vocabulary.page(after, VOCABULARY_PAGE);
      } catch {
        // The searches that need the words meet the same error and report it.
        return void (this.reloading = undefined);
      }
      for (const [term, documents] of page) vocabulary.set(term, documents);
      if (page.length === VOCABULARY_PAGE) {
        after = page.at(-1)![0];
        return void setImmediate(step);
      }
      this.loaded = vocabulary;
      this.corrected = undefined;
      this.sorted = undefined;
      this.revision++;
      this.reloading = undefined;
      if (reload.again) this.reload(current);
    };
    setImmediate(step);
  }
}
