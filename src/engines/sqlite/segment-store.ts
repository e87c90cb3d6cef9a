import type Database from 'better-sqlite3';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { postDocument } from './document-terms.ts';
import type { Field } from './index-terms.ts';
import { decodeRowids, encodeRowids } from './postings-codec.ts';
import { PostingsBuffer } from './postings-buffer.ts';
import { blockEntries, BlockWriter, findInBlock } from './term-blocks.ts';

/**
 * The inverted index of an index file: segments of term blocks (`segments`, `term_blocks`), as
 * Lucene writes them, and the postings buffered for the next one. Postings are never updated in
 * place: readers filter them by the live rowids, merges drop the dead (docs/index-format.md).
 * The index file runs the writes in its transactions.
 */
export class SegmentStore {
  private readonly statements;
  private readonly pending = new PostingsBuffer();

  constructor(db: Database.Database) {
    this.statements = {
      segmentIds: db.prepare<[], number>('SELECT id FROM segments ORDER BY id').pluck(),
      insertSegment: db.prepare<[number, number]>('INSERT INTO segments (id, postings) VALUES (?, ?)'),
      deleteSegmentsUpTo: db.prepare<[number]>('DELETE FROM segments WHERE id <= ?'),
      deleteBlocksUpTo: db.prepare<[number]>('DELETE FROM term_blocks WHERE segment <= ?'),
      insertBlock: db.prepare<[number, number, string, Uint8Array]>('INSERT INTO term_blocks (segment, field, first_term, block) VALUES (?, ?, ?, ?)'),
      blockOf: db.prepare<[number, number, string], Buffer>('SELECT block FROM term_blocks WHERE segment = ? AND field = ? AND first_term <= ? ORDER BY first_term DESC LIMIT 1').pluck(),
      fieldBlocks: db.prepare<[number], Buffer>('SELECT block FROM term_blocks WHERE segment IN (SELECT id FROM segments) AND field = ?').pluck(),
    };
  }

  /** Buffers the postings of a document stored under `rowid`. */
  post(prepared: PreparedDocument, rowid: number): void {
    postDocument(this.pending, prepared, rowid);
  }

  /** Postings buffered for the next segment. */
  get pendingPostings(): number {
    return this.pending.size;
  }

  /** Writes what is buffered, if anything, as a new segment (inside the flush's transaction). */
  writePending(): void {
    const postings = this.pending.size;
    if (postings === 0) return;
    const segment = (this.statements.segmentIds.all().at(-1) ?? 0) + 1;
    this.writeSegment(segment, this.pending.drain());
    this.statements.insertSegment.run(segment, postings);
  }

  /** How many segments a term lookup reads. */
  count(): number {
    return this.statements.segmentIds.all().length;
  }

  /** The encoded postings of `term` in `field`, one list per segment holding it, oldest first. */
  encodedPostings(field: Field, term: string): Uint8Array[] {
    const encoded: Uint8Array[] = [];
    for (const segment of this.statements.segmentIds.all()) {
      const block = this.statements.blockOf.get(segment, field, term);
      const found = block && findInBlock(block, term);
      if (found) encoded.push(found);
    }
    return encoded;
  }

  /** Every term block of `field`, in any order. */
  blocks(field: Field): Iterable<Buffer> {
    return this.statements.fieldBlocks.iterate(field);
  }

  /**
   * Rewrites every segment as one, without the postings of documents `live` does not mark (inside
   * a transaction). Reads through `snapshot`, a second connection to the file (in WAL mode, a
   * snapshot), while this one writes: a connection cannot write while it steps through a query.
   */
  mergeAll(snapshot: Database.Database, live: Uint8Array): void {
    const segments = this.statements.segmentIds.all();
    // One statement per segment: a statement steps through one query at a time.
    const read = (segment: number) => snapshot.prepare<[number], [number, Buffer]>('SELECT field, block FROM term_blocks WHERE segment = ? ORDER BY field, first_term').raw().iterate(segment);
    const merged = segments.at(-1)! + 1;
    let postings = 0;
    this.writeSegment(
      merged,
      (function* () {
        for (const [field, term, encoded] of mergeTermStreams(segments.map((segment) => segmentTerms(read(segment))))) {
          const rowids = decodeRowids(encoded, live);
          postings += rowids.length;
          if (rowids.length > 0) yield [field, term, rowids] as [Field, string, Int32Array];
        }
      })(),
    );
    this.statements.deleteBlocksUpTo.run(segments.at(-1)!);
    this.statements.deleteSegmentsUpTo.run(segments.at(-1)!);
    this.statements.insertSegment.run(merged, postings);
  }

  /** Writes the terms of each field, in ascending order, as the term blocks of `segment`. */
  private writeSegment(segment: number, terms: Iterable<[field: Field, term: string, rowids: ArrayLike<number>]>): void {
    let field: Field | null = null;
    const blocks = new BlockWriter((firstTerm, block) => this.statements.insertBlock.run(segment, field!, firstTerm, block));
    for (const [termField, term, rowids] of terms) {
      if (termField !== field) {
        blocks.finish();
        field = termField;
      }
      blocks.add(term, encodeRowids(rowids));
    }
    blocks.finish();
  }
}

type TermStream = Iterator<[field: Field, term: string, postings: Uint8Array]>;

/** The terms of one segment's blocks, in order. */
function* segmentTerms(blocks: Iterable<[number, Buffer]>): TermStream {
  for (const [field, block] of blocks) for (const [term, postings] of blockEntries(block)) yield [field as Field, term, postings];
}

/** Terms of several segments in order, each once, with its postings in every segment, oldest first. */
function* mergeTermStreams(streams: TermStream[]): Generator<[field: Field, term: string, postings: Uint8Array[]]> {
  const heads = streams.map((stream) => stream.next());
  for (;;) {
    let least: [Field, string] | null = null;
    for (const head of heads) {
      if (head.done) continue;
      const [field, term] = head.value;
      if (!least || field < least[0] || (field === least[0] && term < least[1])) least = [field, term];
    }
    if (!least) return;
    const postings: Uint8Array[] = [];
    heads.forEach((head, i) => {
      if (head.done || head.value[0] !== least[0] || head.value[1] !== least[1]) return;
      postings.push(head.value[2]);
      heads[i] = streams[i]!.next();
    });
    yield [least[0], least[1], postings];
  }
}
