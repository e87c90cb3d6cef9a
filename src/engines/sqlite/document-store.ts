import type Database from 'better-sqlite3';
import type { PreparedDocument } from '../../analysis/fields.ts';
import type { SearchDocument } from '../../types/document.ts';
import type { FacetEntry } from './facets.ts';

interface DocumentRow {
  rowid: number;
  id: string;
  title: string;
  body: string;
  date: string | null;
  year: number | null;
  date_source: SearchDocument['date_source'];
  source: string | null;
  url: string | null;
  parties: string;
  countries: string;
}

type HitRow = Omit<DocumentRow, 'body' | 'date_source'> & { body: Buffer };

/** A document as a search hit lists it, with its body as stored, in UTF-8. */
export type StoredHit = Omit<SearchDocument, 'body' | 'date_source'> & { body: Uint8Array };

/** A document row waiting for the next flush, with the rowid it will have. */
interface PendingRow extends DocumentRow {
  content_hash: string | null;
}

/** A list of party or country names, stored as JSON. */
const names = (json: string) => JSON.parse(json) as string[];

function rowToDocument(row: DocumentRow): SearchDocument {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    date: row.date,
    year: row.year,
    date_source: row.date_source,
    source: row.source,
    url: row.url,
    parties: names(row.parties),
    countries: names(row.countries),
  };
}

/** What readers may ask of the documents. */
export type DocumentReads = Pick<DocumentStore, 'storedHashes' | 'getDocument' | 'hitsByRowid' | 'facetEntries' | 'liveRowids' | 'maxRowid' | 'titlesByRowid' | 'count'>;

/**
 * The `documents` table of an index file, and the rows buffered for the next flush. Each buffered
 * version of a document takes the next rowid, and no rowid is ever given twice
 * (docs/index-format.md, "Invariants"). The index file runs the writes in its flush's transaction.
 */
export class DocumentStore {
  private readonly statements;
  /** Documents written since the last flush, by id. */
  private pendingRows = new Map<string, PendingRow>();
  /** Ids whose stored row the next flush deletes (replaced or deleted documents). */
  private pendingDeletes = new Set<string>();
  /** The next rowid to give, once the first write asks for one. */
  private nextRowid: number | null = null;

  constructor(db: Database.Database) {
    this.statements = {
      insertDocument: db.prepare<[PendingRow]>(
        'INSERT INTO documents (rowid, id, title, body, date, year, date_source, source, url, parties, countries, content_hash) VALUES (@rowid, @id, @title, @body, @date, @year, @date_source, @source, @url, @parties, @countries, @content_hash)',
      ),
      deleteDocumentById: db.prepare<[string]>('DELETE FROM documents WHERE id = ?'),
      storedHashes: db.prepare<[], [string, string | null]>('SELECT id, content_hash FROM documents').raw(),
      lastRowid: db.prepare<[], number | null>("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0), coalesce((SELECT max(rowid) FROM documents), 0))").pluck(),
      advanceSequence: db.prepare<[{ seq: number }]>("UPDATE sqlite_sequence SET seq = max(seq, @seq) WHERE name = 'documents'"),
      startSequence: db.prepare<[{ seq: number }]>("INSERT INTO sqlite_sequence (name, seq) SELECT 'documents', @seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'documents')"),
      documentById: db.prepare<[string], DocumentRow>('SELECT rowid, * FROM documents WHERE id = ?'),
      // One statement for any number of rowids, given as a JSON array: no statement compiled per search.
      // The body as its UTF-8 bytes: decoding whole Vietnamese articles into strings took more time than finding the snippet in them.
      hitsByRowid: db.prepare<[string], HitRow>(
        'SELECT rowid, id, title, CAST(body AS BLOB) AS body, date, year, source, url, parties, countries FROM documents WHERE rowid IN (SELECT value FROM json_each(?))',
      ),
      titlesByRowid: db.prepare<[string], [number, string]>('SELECT rowid, title FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').raw(),
      facetEntriesAfter: db.prepare<[number], { rowid: number; id: string; parties: string; countries: string; year: number | null; date: string | null }>(
        'SELECT rowid, id, parties, countries, year, date FROM documents WHERE rowid > ? ORDER BY rowid',
      ),
      rowids: db.prepare<[], number>('SELECT rowid FROM documents').pluck(),
      count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM documents'),
      maxRowid: db.prepare<[], number | null>('SELECT max(rowid) FROM documents').pluck(),
    };
  }

  /** Buffers a document's row (its last version wins) and returns the rowid it will have. */
  add({ document, contentHash }: PreparedDocument): number {
    this.nextRowid ??= (this.statements.lastRowid.get() ?? 0) + 1;
    const rowid = this.nextRowid++;
    // A version replaced before the flush leaves postings under a rowid no row will have: dead, like a deleted one's.
    this.pendingRows.set(document.id, {
      ...document,
      rowid,
      parties: JSON.stringify(document.parties),
      countries: JSON.stringify(document.countries),
      content_hash: contentHash ?? null,
    });
    this.pendingDeletes.add(document.id);
    return rowid;
  }

  /** Buffers deletions until the next flush. */
  delete(ids: readonly string[]): void {
    for (const id of ids) {
      this.pendingRows.delete(id);
      this.pendingDeletes.add(id);
    }
  }

  /** Whether rows are waiting for a flush (every buffered row replaces or deletes one). */
  get hasPendingWrites(): boolean {
    return this.pendingDeletes.size > 0;
  }

  /**
   * Writes the buffered rows (inside the flush's transaction): rows of replaced and deleted
   * documents deleted, the new rows inserted, the sequence advanced past every rowid given.
   */
  writePending(): void {
    const rows = [...this.pendingRows.values()];
    for (const id of this.pendingDeletes) this.statements.deleteDocumentById.run(id);
    for (const row of rows) this.statements.insertDocument.run(row);
    // Rowids given to versions replaced before this flush have postings too: the sequence passes them, so none is given again.
    const sequence = { seq: (this.nextRowid ?? 1) - 1 };
    this.statements.startSequence.run(sequence);
    this.statements.advanceSequence.run(sequence);
  }

  /** Empties the buffer once its flush committed. */
  committed(): void {
    this.pendingRows = new Map();
    this.pendingDeletes = new Set();
  }

  /** What the file holds: each document's id and the content hash it was written from (empty when none was given). */
  storedHashes(): Map<string, string> {
    return new Map(this.statements.storedHashes.all().map(([id, hash]) => [id, hash ?? '']));
  }

  getDocument(id: string): SearchDocument | null {
    const row = this.statements.documentById.get(id);
    return row ? rowToDocument(row) : null;
  }

  /** The documents as search hits list them, the body as UTF-8 bytes, for building snippets. */
  hitsByRowid(rowids: readonly number[]): Map<number, StoredHit> {
    if (rowids.length === 0) return new Map();
    return new Map(this.statements.hitsByRowid.all(JSON.stringify(rowids)).map(({ rowid, parties, countries, ...row }) => [rowid, { ...row, parties: names(parties), countries: names(countries) }]));
  }

  /**
   * What facets need of the documents whose rowid is above `rowid` (all of them from 0). A
   * document is never changed in place (an update is a new row), so a reader that holds the
   * entries up to some rowid needs only those above it and the live set.
   */
  facetEntries(afterRowid = 0): FacetEntry[] {
    return this.statements.facetEntriesAfter
      .all(afterRowid)
      .map((row) => ({ rowid: row.rowid, id: row.id, parties: names(row.parties), countries: names(row.countries), year: row.year, date: row.date }));
  }

  /** A flag per rowid, set for the documents in the index: what tells stale postings apart. */
  liveRowids(): Uint8Array {
    const live = new Uint8Array(this.maxRowid() + 1);
    for (const rowid of this.statements.rowids.iterate()) live[rowid] = 1;
    return live;
  }

  maxRowid(): number {
    return this.statements.maxRowid.get() ?? 0;
  }

  /** The titles of the documents, in the order of `rowids` (a rowid with no document is skipped). */
  titlesByRowid(rowids: readonly number[]): string[] {
    if (rowids.length === 0) return [];
    const titles = new Map(this.statements.titlesByRowid.all(JSON.stringify(rowids)));
    return rowids.flatMap((rowid) => titles.get(rowid) ?? []);
  }

  count(): number {
    return this.statements.count.get()!.count;
  }
}
