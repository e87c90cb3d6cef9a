import Database from 'better-sqlite3';
import type { SearchDocument } from '../../types/document.ts';
import type { PreparedDocument } from '../../indexing/fields.ts';
import { foldText } from '../../vietnamese/index.ts';
import type { FacetEntry } from './facets.ts';
import { pairsOf } from './match.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  date TEXT,
  year INTEGER,
  date_source TEXT,
  source TEXT,
  url TEXT,
  parties TEXT NOT NULL,
  countries TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  title_exact, title_folded, body_exact, body_folded, joined, entities, title_pairs, body_pairs,
  content='', contentless_delete=1, detail=column,
  tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocabulary USING fts5vocab(search, 'col');
CREATE TABLE IF NOT EXISTS vocabulary (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
`;

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

export function rowToDocument(row: DocumentRow): SearchDocument {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    date: row.date,
    year: row.year,
    date_source: row.date_source,
    source: row.source,
    url: row.url,
    parties: JSON.parse(row.parties) as string[],
    countries: JSON.parse(row.countries) as string[],
  };
}

/** One SQLite index file: documents, their FTS5 index, and the statements that use them. */
export class IndexFile {
  readonly db: Database.Database;
  private readonly statements;
  /** Set by writes; the vocabulary table is rebuilt before it is next read, or on close. */
  private vocabularyStale = false;

  /** `create: false` opens an existing index only (the server must not conjure an empty one). */
  constructor(readonly path: string, options: { create: boolean }) {
    this.db = new Database(path, { fileMustExist: !options.create });
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      rowidOf: db.prepare<[string], { rowid: number }>('SELECT rowid FROM documents WHERE id = ?'),
      insertDocument: db.prepare(
        'INSERT INTO documents (id, title, body, date, year, date_source, source, url, parties, countries) VALUES (@id, @title, @body, @date, @year, @date_source, @source, @url, @parties, @countries)',
      ),
      updateDocument: db.prepare(
        'UPDATE documents SET title = @title, body = @body, date = @date, year = @year, date_source = @date_source, source = @source, url = @url, parties = @parties, countries = @countries WHERE rowid = @rowid',
      ),
      deleteDocument: db.prepare('DELETE FROM documents WHERE rowid = ?'),
      insertSearch: db.prepare(
        'INSERT INTO search (rowid, title_exact, title_folded, body_exact, body_folded, joined, entities, title_pairs, body_pairs) VALUES (@rowid, @title_exact, @title_folded, @body_exact, @body_folded, @joined, @entities, @title_pairs, @body_pairs)',
      ),
      deleteSearch: db.prepare('DELETE FROM search WHERE rowid = ?'),
      documentById: db.prepare<[string], DocumentRow>('SELECT rowid, * FROM documents WHERE id = ?'),
      facetEntries: db.prepare<[], { rowid: number; parties: string; countries: string; year: number | null; date: string | null }>(
        'SELECT rowid, parties, countries, year, date FROM documents',
      ),
      count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM documents'),
      maxRowid: db.prepare<[], number | null>('SELECT max(rowid) FROM documents').pluck(),
      matchRowids: db.prepare<[string], number>('SELECT rowid FROM search WHERE search MATCH ?').pluck(),
      vocabulary: db.prepare<[], [string, number]>('SELECT term, documents FROM vocabulary').raw(),
      commonTerms: db.prepare<[number], string>('SELECT term FROM vocabulary ORDER BY documents DESC LIMIT ?').pluck(),
      dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    };
  }

  private writeOne({ document, fields }: PreparedDocument): void {
    const row = { ...document, parties: JSON.stringify(document.parties), countries: JSON.stringify(document.countries) };
    const existing = this.statements.rowidOf.get(document.id);
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      this.statements.deleteSearch.run(rowid);
      this.statements.updateDocument.run({ ...row, rowid });
    } else {
      rowid = Number(this.statements.insertDocument.run(row).lastInsertRowid);
    }
    this.statements.insertSearch.run({
      rowid,
      ...fields,
      entities: [...document.parties, ...document.countries].map(foldText).join(' '),
      title_pairs: pairsOf(fields.title_folded, fields.title_exact),
      body_pairs: pairsOf(fields.body_folded, fields.body_exact),
    });
  }

  /** All or nothing: a batch is one transaction, so a crash never leaves half a batch. */
  upsert(documents: readonly PreparedDocument[]): void {
    this.db.transaction(() => documents.forEach((document) => this.writeOne(document)))();
    this.vocabularyStale = true;
  }

  delete(ids: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of ids) {
        const existing = this.statements.rowidOf.get(id);
        if (!existing) continue;
        this.statements.deleteSearch.run(existing.rowid);
        this.statements.deleteDocument.run(existing.rowid);
      }
    })();
    this.vocabularyStale = true;
  }

  getDocument(id: string): SearchDocument | null {
    const row = this.statements.documentById.get(id);
    return row ? rowToDocument(row) : null;
  }

  documentsByRowid(rowids: readonly number[]): Map<number, SearchDocument> {
    if (rowids.length === 0) return new Map();
    const rows = this.db.prepare<number[], DocumentRow>(`SELECT rowid, * FROM documents WHERE rowid IN (${rowids.map(() => '?').join(',')})`).all(...rowids);
    return new Map(rows.map((row) => [row.rowid, rowToDocument(row)]));
  }

  facetEntries(): FacetEntry[] {
    return this.statements.facetEntries
      .all()
      .map((row) => ({ rowid: row.rowid, parties: JSON.parse(row.parties) as string[], countries: JSON.parse(row.countries) as string[], year: row.year, date: row.date }));
  }

  /** Rowids matching an FTS5 expression, ascending. */
  postings(expression: string): Int32Array {
    return Int32Array.from(this.statements.matchRowids.all(expression));
  }

  /** Folded word → how many documents hold it, in the fields typo correction draws on. */
  vocabulary(): Map<string, number> {
    if (this.vocabularyStale) this.refreshVocabulary();
    return new Map(this.statements.vocabulary.all());
  }

  /**
   * Copies the folded words and their document counts out of FTS5 into a plain table, which loads
   * in a fraction of a second; FTS5's own vocabulary table answers only by scanning every term,
   * word pairs included, which takes seconds.
   */
  private refreshVocabulary(): void {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM vocabulary;
        INSERT INTO vocabulary SELECT term, max(doc) FROM search_vocabulary WHERE col IN ('title_folded', 'body_folded', 'joined') GROUP BY term;`);
    })();
    this.vocabularyStale = false;
  }

  /** The folded words held by the most documents, most first. */
  commonTerms(limit: number): string[] {
    if (this.vocabularyStale) this.refreshVocabulary();
    return this.statements.commonTerms.all(limit);
  }

  maxRowid(): number {
    return this.statements.maxRowid.get() ?? 0;
  }

  titlesByRowid(rowids: readonly number[]): string[] {
    if (rowids.length === 0) return [];
    return this.db.prepare<number[], string>(`SELECT title FROM documents WHERE rowid IN (${rowids.map(() => '?').join(',')})`).pluck().all(...rowids);
  }

  count(): number {
    return this.statements.count.get()!.count;
  }

  /** Changes whenever another connection commits, so caches know when to reload. */
  dataVersion(): number {
    return this.statements.dataVersion.get()!.data_version;
  }

  close(): void {
    if (this.vocabularyStale) this.refreshVocabulary();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
