import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../analysis/fields.ts';
import { IndexFile } from './index-file.ts';
import { Field } from './index-terms.ts';

/**
 * The index writer against a plain map: under any sequence of upserts, deletes, commits,
 * crashes (the buffer dropped) and the flushes and merges that tiny segments cause, another
 * connection sees exactly the committed map, each document with exactly its own postings.
 */
const WORDS = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam'];
const IDS = ['a', 'b', 'c', 'd', 'e'];

/** The words of one version of a document. */
const wordsOf = (id: string, version: number) => WORDS.filter((_, i) => (id.charCodeAt(0) * 31 + version * 17 + i * 13) % 5 < 2);

const document = (id: string, version: number) =>
  prepareDocument({ id, title: `v${version}`, body: wordsOf(id, version).join(' '), date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [] });

type Operation = { kind: 'upsert'; id: string; version: number } | { kind: 'delete'; id: string } | { kind: 'commit' } | { kind: 'crash' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...IDS), version: fc.integer({ min: 1, max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
);

describe('IndexFile against a model', () => {
  it('shows exactly what was committed, whatever the writes, flushes, merges and crashes', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.integer({ min: 10, max: 200 }), (operations, postingsPerSegment) => {
        const dir = mkdtempSync(join(tmpdir(), 'vnsearch-model-'));
        const path = join(dir, 'index.db');
        const open = () => new IndexFile(path, { create: true, postingsPerSegment, maxSegments: 2 });
        let writer = open();
        const reader = new IndexFile(path, { create: false });
        // The model: what is committed, and what the writer holds on top of it.
        const committed = new Map<string, number>();
        let pending = new Map<string, number | null>();
        try {
          for (const op of operations) {
            if (op.kind === 'upsert') {
              writer.upsert([document(op.id, op.version)]);
              pending.set(op.id, op.version);
            } else if (op.kind === 'delete') {
              writer.delete([op.id]);
              pending.set(op.id, null);
            } else if (op.kind === 'commit') {
              writer.commit();
            } else {
              writer.closeWithoutWriting();
              writer = open();
              pending = new Map();
            }
            // A commit writes what is buffered; so does an upsert that fills the buffer, leaving nothing pending.
            if (op.kind === 'commit' || (op.kind === 'upsert' && !writer.hasPendingWrites)) {
              for (const [id, version] of pending) version === null ? committed.delete(id) : committed.set(id, version);
              pending = new Map();
            }
            const seen = new Map(IDS.flatMap((id) => (reader.documents.getDocument(id) ? [[id, Number(reader.documents.getDocument(id)!.title.slice(1))] as const] : [])));
            expect(seen).toEqual(committed);
            const live = reader.documents.liveRowids();
            for (const word of WORDS) {
              const holders = [...reader.postings(Field.words, word, live)].map((rowid) => reader.documents.hitsByRowid([rowid]).get(rowid)!.id).sort();
              const expected = [...committed]
                .filter(([id, version]) => wordsOf(id, version).includes(word))
                .map(([id]) => id)
                .sort();
              expect(holders, `postings of "${word}"`).toEqual(expected);
            }
            expect(reader.vocabulary.all().get(WORDS[0]!) ?? 0).toBe([...committed].filter(([id, version]) => wordsOf(id, version).includes(WORDS[0]!)).length);
          }
        } finally {
          writer.closeWithoutWriting();
          reader.closeWithoutWriting();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  });
});
