import type Database from 'better-sqlite3';
import { decodeRowids } from './postings-codec.ts';
import { blockEntries } from './term-blocks.ts';

/** What readers may ask of the vocabulary. */
export type VocabularyReads = Pick<VocabularyTable, 'all' | 'page' | 'common'>;

/**
 * The `vocabulary` table of an index file: folded word → how many live documents hold it, counted
 * at every flush, so that a server loads the vocabulary in a fraction of a second instead of
 * decoding every word's postings. What typo correction and completion draw on.
 */
export class VocabularyTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      all: db.prepare<[], [string, number]>('SELECT term, documents FROM vocabulary').raw(),
      page: db.prepare<[string, number], [string, number]>('SELECT term, documents FROM vocabulary WHERE term > ? ORDER BY term LIMIT ?').raw(),
      common: db.prepare<[number], string>('SELECT term FROM vocabulary ORDER BY documents DESC LIMIT ?').pluck(),
      clear: db.prepare('DELETE FROM vocabulary'),
      insert: db.prepare<[string, number]>('INSERT INTO vocabulary (term, documents) VALUES (?, ?)'),
    };
  }

  /** Counts the documents of every word in the word blocks (only those `live` marks) into the table (inside the flush's transaction). */
  rewrite(wordBlocks: Iterable<Uint8Array>, live: Uint8Array): void {
    const counts = new Map<string, number>();
    for (const block of wordBlocks) {
      for (const [term, rowids] of blockEntries(block)) counts.set(term, (counts.get(term) ?? 0) + decodeRowids([rowids], live).length);
    }
    this.statements.clear.run();
    for (const [term, documents] of counts) if (documents > 0) this.statements.insert.run(term, documents);
  }

  all(): Map<string, number> {
    return new Map(this.statements.all.all());
  }

  /** The words after `after` in byte order, `limit` of them: what a reader loads in steps. */
  page(after: string, limit: number): [string, number][] {
    return this.statements.page.all(after, limit);
  }

  /** The words held by the most documents, most first. */
  common(limit: number): string[] {
    return this.statements.common.all(limit);
  }
}
