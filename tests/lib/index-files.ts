import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDocument, type PreparedDocument } from '../../src/analysis/fields.ts';
import { IndexFile } from '../../src/engines/sqlite/index-file.ts';

/** A document with only an id (also its title), a body and a year. */
export function bodyDocument(id: string, body: string, year: number | null = null): PreparedDocument {
  return prepareDocument({ id, title: id, body, date: null, year, date_source: null, source: null, url: null, parties: [], countries: [] });
}

export interface WriterAndReader {
  writer: IndexFile;
  /** A second connection to the same file, as a serving process has. */
  reader: IndexFile;
  close(): void;
}

/** An index file in a new directory holding `documents`, committed, with a writer and a reader on it. */
export function writerAndReader(documents: readonly PreparedDocument[]): WriterAndReader {
  const dir = mkdtempSync(join(tmpdir(), 'vnsearch-index-file-'));
  const writer = new IndexFile(join(dir, 'index.db'), { create: true });
  writer.upsert(documents);
  writer.commit();
  const reader = new IndexFile(join(dir, 'index.db'), { create: false });
  return {
    writer,
    reader,
    close: () => {
      writer.closeWithoutWriting();
      reader.closeWithoutWriting();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
