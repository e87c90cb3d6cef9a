import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../analysis/fields.ts';
import type { SearchDocument } from '../../types/document.ts';
import { IndexFile } from './index-file.ts';
import { Field } from './index-terms.ts';
import { blockEntries } from './term-blocks.ts';

function doc(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { id, title, body, date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [], ...extra };
}

describe('IndexFile', () => {
  let dir: string;
  let file: IndexFile;
  const path = () => join(dir, 'index.db');
  const ids = (field: Field, term: string) => [...file.postings(field, term, file.documents.liveRowids())].map((rowid) => file.documents.hitsByRowid([rowid]).get(rowid)!.id);
  /** Reads the committed file through a connection of its own. */
  const query = <T>(sql: string) => {
    const db = new Database(path(), { readonly: true });
    try {
      return db.prepare<[], T>(sql).pluck().all();
    } finally {
      db.close();
    }
  };
  const segments = () => query<number>('SELECT count(*) FROM segments')[0];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnsearch-index-file-'));
    file = new IndexFile(path(), { create: true, maxSegments: 2 });
  });
  afterEach(() => {
    file.closeWithoutWriting();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes folded words, title words, exact keys and word pairs of a document', () => {
    file.upsert([prepareDocument(doc('a', 'Bạn hàng lớn', 'Trung Quốc là bạn hàng.', { countries: ['Trung Quốc'] }))]);
    file.commit();
    expect(ids(Field.words, 'ban')).toEqual(['a']);
    expect(ids(Field.title, 'lon')).toEqual(['a']);
    expect(ids(Field.title, 'trung')).toEqual([]);
    expect(ids(Field.exact, 'banj')).toEqual(['a']);
    expect(ids(Field.exact, 'bans')).toEqual([]);
    expect(ids(Field.pairs, 'ban_hang')).toEqual(['a']);
    expect(ids(Field.pairs, 'banj_hangf')).toEqual(['a']);
    expect(ids(Field.pairs, 'lon_trung'), 'no pair across title and body').toEqual([]);
  });

  it('buffers documents and postings until a commit, then other connections see both', () => {
    file.upsert([prepareDocument(doc('a', 'Hoà bình', 'Giữ vững hoà bình.'))]);
    const other = new IndexFile(path(), { create: false });
    expect(other.documents.getDocument('a')).toBeNull();
    expect(other.postings(Field.words, 'hoa', other.documents.liveRowids())).toHaveLength(0);
    file.commit();
    expect(other.documents.getDocument('a')?.title).toBe('Hoà bình');
    expect(other.postings(Field.words, 'hoa', other.documents.liveRowids())).toHaveLength(1);
    expect(other.vocabulary.all().get('binh')).toBe(1);
    other.close();
  });

  it('never writes on a read: its own buffered writes show after a flush', () => {
    file.upsert([prepareDocument(doc('a', 'Hoà bình', 'Giữ vững hoà bình.'))]);
    expect(ids(Field.words, 'hoa')).toEqual([]);
    expect(file.vocabulary.all().size).toBe(0);
    expect(file.hasPendingWrites).toBe(true);
    file.flush();
    expect(file.hasPendingWrites).toBe(false);
    expect(ids(Field.words, 'hoa')).toEqual(['a']);
  });

  it('never shows the postings of a replaced or deleted document, and merges them away', () => {
    file.upsert([prepareDocument(doc('a', 'Truyền thống', 'Truyền thống đoàn kết.')), prepareDocument(doc('b', 'Truyền thông', 'Cơ quan truyền thông.'))]);
    file.commit();
    file.upsert([prepareDocument(doc('a', 'Bán hàng', 'Kỹ năng bán hàng.'))]);
    file.commit();
    expect(ids(Field.words, 'truyen')).toEqual(['b']);
    expect(ids(Field.words, 'hang')).toEqual(['a']);
    expect(segments()).toBe(2);
    file.delete(['b']);
    file.upsert([prepareDocument(doc('c', 'Bạn hàng', 'Bạn hàng lớn.'))]);
    file.commit();
    // A third segment is one too many: all are merged, without the postings of 'b' and the old 'a'.
    expect(segments()).toBe(1);
    expect(ids(Field.words, 'truyen')).toEqual([]);
    expect(ids(Field.words, 'hang')).toEqual(['a', 'c']);
    const blocks = query<Buffer>('SELECT block FROM term_blocks');
    expect(blocks.some((block) => [...blockEntries(block)].some(([term]) => term === 'truyen'))).toBe(false);
    expect(file.vocabulary.all().get('truyen')).toBeUndefined();
    expect(file.vocabulary.all().get('hang')).toBe(2);
  });

  it('never gives again a rowid whose postings were written, even for a document deleted before its flush', () => {
    file.upsert([prepareDocument(doc('a', 'Một', 'Hoà bình.'))]);
    file.commit();
    file.upsert([prepareDocument(doc('b', 'Hai', 'Chiến tranh.'))]);
    file.delete(['b']);
    file.commit();
    file.closeWithoutWriting();
    file = new IndexFile(path(), { create: false });
    file.upsert([prepareDocument(doc('c', 'Ba', 'Thương mại.'))]);
    file.commit();
    expect(ids(Field.words, 'chien')).toEqual([]);
    expect(ids(Field.words, 'thuong')).toEqual(['c']);
  });

  it('keeps the last commit whole and readable when a flush fails for want of space', () => {
    file.upsert([prepareDocument(doc('a', 'Hoà bình', 'Giữ vững hoà bình.'))]);
    file.close();
    // The disk is full: the file may not grow past the pages it has.
    file = new IndexFile(path(), { create: false, maxPages: query<number>('PRAGMA page_count')[0] });
    file.upsert(Array.from({ length: 50 }, (_, i) => prepareDocument(doc(`n${i}`, `Tin ${i}`, 'Nội dung dài về kinh tế và xã hội. '.repeat(40)))));
    expect(() => file.commit()).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    const other = new IndexFile(path(), { create: false });
    expect([...other.documents.storedHashes().keys()]).toEqual(['a']);
    expect(other.postings(Field.words, 'hoa', other.documents.liveRowids())).toHaveLength(1);
    other.close();
    file.closeWithoutWriting();
  });

  it('refuses a file of another format, saying how to rebuild it', () => {
    file.close();
    const db = new Database(path());
    db.pragma('user_version = 1');
    db.close();
    expect(IndexFile.hasCurrentFormat(path())).toBe(false);
    expect(() => new IndexFile(path(), { create: false })).toThrow(/vnsearch index/);
  });
});
