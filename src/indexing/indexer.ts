import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.ts';
import { decodeInput, extractDocument } from '../extraction/index.ts';
import { prepareDocument, type PreparedDocument } from '../analysis/fields.ts';
import type { PreparedRecord } from './prepare-record.ts';
import { RecordPreparer } from './record-preparer.ts';
import type { IndexTarget, IndexWriter } from './index-target.ts';
import { collectInputs, idOfFile, type InputFile } from './inputs.ts';
import { emptyManifest, loadManifest, saveManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { acquireRunLock } from './run-lock.ts';

export interface IndexFailure {
  file: string;
  line?: number;
  reason: string;
}

export interface IndexSummary {
  files: number;
  indexed: number;
  unchanged: number;
  deleted: number;
  failed: IndexFailure[];
  /** Files found in input directories whose type is not indexed, counted by extension. */
  skipped: Record<string, number>;
  seconds: number;
}

export interface IndexProgress {
  bytesDone: number;
  bytesTotal: number;
  documents: number;
}

export interface IndexOptions {
  /** Files and directories (recursively) to index; the index mirrors them. */
  inputs: readonly string[];
  engine: IndexTarget;
  /**
   * Where the file hashes of the last completed run are kept (a shortcut past unchanged files,
   * checked against the index). Its directory is the data directory, locked for the run.
   */
  manifestPath: string;
  /** Build a whole new index aside and swap it in, instead of updating in place. */
  rebuild?: boolean;
  /** Files larger than this are refused. Default 512 MiB. */
  maxFileBytes?: number;
  /** Documents per engine write. Default 500. */
  batchSize?: number;
  /** Worker threads that prepare records of JSON Lines files. Default: one per core. */
  threads?: number;
  onProgress?: (progress: IndexProgress) => void;
  /** Called once the run holds the data directory's lock, before it reads anything. */
  onLocked?: () => void;
}

const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Records per message to a worker: large enough to amortize messaging, small enough to stream. */
const RECORDS_PER_BATCH = 200;

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64url').slice(0, 22);
}

/** The hash a document is stored with: its input's, and the extraction pipeline's version. */
function contentHashOf(pipeline: string, inputHash: string): string {
  return `${pipeline}/${inputHash}`;
}

/**
 * One indexing run: compares the inputs with what the index holds (`stored`, each document's
 * content hash) and writes only what differs; every stored id that no input holds is deleted.
 * The manifest only lets unchanged files be skipped without reading their records.
 */
class IndexRun {
  private readonly summary: IndexSummary = { files: 0, indexed: 0, unchanged: 0, deleted: 0, failed: [], skipped: {}, seconds: 0 };
  private readonly next: Manifest;
  private readonly owners = new Map<string, string>();
  private pending: PreparedDocument[] = [];
  private preparer: RecordPreparer | null = null;
  private progress: IndexProgress = { bytesDone: 0, bytesTotal: 0, documents: 0 };

  /** False when the extraction changed since the previous run: then nothing counts as unchanged. */
  private readonly sameExtraction: boolean;

  constructor(
    private readonly writer: IndexWriter,
    private readonly previous: Manifest,
    private readonly stored: ReadonlyMap<string, string>,
    private readonly pipeline: string,
    private readonly options: IndexOptions,
  ) {
    this.next = emptyManifest(pipeline);
    this.sameExtraction = previous.pipeline === pipeline;
  }

  private fail(error: unknown, file: string): void {
    if (error instanceof InputError) this.summary.failed.push({ file: error.file, ...(error.line === undefined ? {} : { line: error.line }), reason: error.message });
    else this.summary.failed.push({ file, reason: error instanceof Error ? error.message : String(error) });
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.writer.upsert(batch);
    this.summary.indexed += batch.length;
  }

  /** Queues a document unless its id belongs to another input; returns whether it was taken. */
  private async add(prepared: PreparedDocument, file: string, line?: number): Promise<boolean> {
    const { document } = prepared;
    const owner = this.owners.get(document.id);
    if (owner !== undefined) {
      this.summary.failed.push({ file, ...(line === undefined ? {} : { line }), reason: `duplicate document id "${document.id}" (already taken by ${owner}); rename one of them` });
      return false;
    }
    this.owners.set(document.id, line === undefined ? file : `${file}:${line}`);
    this.pending.push(prepared);
    this.progress.documents++;
    if (this.pending.length >= (this.options.batchSize ?? 500)) await this.flush();
    return true;
  }

  /** Whether every record of an unchanged file is in the index as the manifest says, and not taken by an earlier input. */
  private holdsUnchanged(entry: ManifestEntry): boolean {
    return Object.entries(entry.records).every(([id, hash]) => !this.owners.has(id) && this.stored.get(id) === contentHashOf(this.pipeline, hash));
  }

  /** Whether the index holds this version of the document already. */
  private isStored(id: string, inputHash: string): boolean {
    return !this.owners.has(id) && this.stored.get(id) === contentHashOf(this.pipeline, inputHash);
  }

  private keepUnchanged(file: string, entry: ManifestEntry): void {
    for (const id of Object.keys(entry.records)) this.owners.set(id, file);
    this.next.files[file] = entry;
    this.summary.unchanged += Object.keys(entry.records).length;
    this.summary.failed.push(...entry.failed.map((failure) => ({ file, ...failure })));
  }

  private async indexDocumentFile(input: InputFile, hash: string): Promise<ManifestEntry> {
    const entry: ManifestEntry = { hash, records: {}, failed: [] };
    const bytes = readFileSync(input.path);
    try {
      const text = decodeInput(bytes, input.path);
      const document = extractDocument({ id: idOfFile(input.path), file: input.path, text, format: input.kind as 'txt' | 'md' | 'html' });
      if (this.isStored(document.id, hash)) {
        this.owners.set(document.id, input.path);
        entry.records[document.id] = hash;
        this.summary.unchanged++;
      } else if (await this.add({ ...prepareDocument(document), contentHash: contentHashOf(this.pipeline, hash) }, input.path)) {
        entry.records[document.id] = hash;
      }
    } catch (error) {
      this.fail(error, input.path);
    }
    return entry;
  }

  /** Takes prepared records in file order: the first of two records with one id wins, as in a single-threaded run. */
  private async takeRecords(records: readonly PreparedRecord[], file: string, entry: ManifestEntry): Promise<void> {
    for (const record of records) {
      if ('failure' in record) {
        this.summary.failed.push({ file, line: record.line, reason: record.failure });
        continue;
      }
      const { id } = record.prepared.document;
      if (this.isStored(id, record.hash)) {
        this.owners.set(id, `${file}:${record.line}`);
        entry.records[id] = record.hash;
        this.summary.unchanged++;
      } else if (await this.add({ ...record.prepared, contentHash: contentHashOf(this.pipeline, record.hash) }, file, record.line)) {
        entry.records[id] = record.hash;
      }
    }
  }

  private async indexJsonLines(input: InputFile, hash: string): Promise<ManifestEntry> {
    const entry: ManifestEntry = { hash, records: {}, failed: [] };
    const preparer = (this.preparer ??= new RecordPreparer(this.options.threads));
    const raw = createReadStream(input.path);
    const bytesBefore = this.progress.bytesDone;
    raw.on('data', () => {
      this.progress.bytesDone = bytesBefore + raw.bytesRead;
    });
    const lines = createInterface({ input: input.kind === 'jsonl.gz' ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
    const inFlight: Promise<PreparedRecord[]>[] = [];
    let batch: [number, string][] = [];
    const send = async () => {
      inFlight.push(preparer.prepare(input.path, batch));
      batch = [];
      if (inFlight.length >= preparer.parallelism) await this.takeRecords(await inFlight.shift()!, input.path, entry);
      this.options.onProgress?.(this.progress);
    };
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() !== '') batch.push([lineNumber, line]);
      if (batch.length >= RECORDS_PER_BATCH) await send();
    }
    if (batch.length > 0) await send();
    for (const records of inFlight) await this.takeRecords(await records, input.path, entry);
    return entry;
  }

  private async indexFile(input: InputFile): Promise<void> {
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (input.size > maxBytes) {
      this.summary.failed.push({ file: input.path, reason: `file is ${input.size} bytes, over the limit of ${maxBytes} (raise --max-file-bytes or split it)` });
      return;
    }
    const hash = await hashFile(input.path);
    const previous = this.previous.files[input.path];
    if (this.sameExtraction && previous?.hash === hash && this.holdsUnchanged(previous)) {
      this.keepUnchanged(input.path, previous);
      return;
    }
    const failedBefore = this.summary.failed.length;
    const entry = input.kind === 'jsonl' || input.kind === 'jsonl.gz' ? await this.indexJsonLines(input, hash) : await this.indexDocumentFile(input, hash);
    entry.failed = this.summary.failed.slice(failedBefore).map(({ file: _file, ...failure }) => failure);
    this.next.files[input.path] = entry;
  }

  /** Ids the index holds that no input holds (any more, or ever: left by an interrupted run). */
  private async deleteRemoved(): Promise<void> {
    const removed = [...this.stored.keys()].filter((id) => !this.owners.has(id));
    if (removed.length > 0) await this.writer.delete(removed);
    this.summary.deleted = removed.length;
  }

  async run(inputs: readonly InputFile[]): Promise<{ summary: IndexSummary; manifest: Manifest }> {
    const started = performance.now();
    this.progress.bytesTotal = inputs.reduce((sum, input) => sum + input.size, 0);
    try {
      for (const input of inputs) {
        const bytesBefore = this.progress.bytesDone;
        await this.indexFile(input);
        this.progress.bytesDone = bytesBefore + input.size;
        this.summary.files++;
        this.options.onProgress?.(this.progress);
      }
    } finally {
      await this.preparer?.close();
    }
    await this.flush();
    await this.deleteRemoved();
    await this.writer.commit();
    this.summary.seconds = (performance.now() - started) / 1000;
    return { summary: this.summary, manifest: this.next };
  }
}

/** The writer, removing the manifest before the first write: from then on it no longer describes the index. */
function invalidatingManifest(writer: IndexWriter, manifestPath: string): IndexWriter {
  let invalidated = false;
  const invalidate = () => {
    if (!invalidated) rmSync(manifestPath, { force: true });
    invalidated = true;
  };
  return {
    upsert: async (documents) => {
      invalidate();
      await writer.upsert(documents);
    },
    delete: async (ids) => {
      invalidate();
      await writer.delete(ids);
    },
    commit: () => writer.commit(),
  };
}

/**
 * Makes the index mirror the inputs: documents the index holds in the same version are skipped,
 * changed and new ones written, every other stored document deleted, so whatever an earlier run
 * left (killed, out of disk space) the result is what a fresh run gives. A first run (an index
 * that holds nothing) and `rebuild` build aside and swap in at the end, so no half-built index
 * is ever served. The data directory is locked for the run (one writer at a time), and the
 * manifest is saved only after the engine committed everything.
 */
export async function runIndex(options: IndexOptions): Promise<IndexSummary> {
  const lock = acquireRunLock(dirname(options.manifestPath));
  try {
    options.onLocked?.();
    const skipped: Record<string, number> = {};
    const inputs = collectInputs(options.inputs, skipped);
    const pipeline = pipelineVersion();
    const stored = options.rebuild ? new Map<string, string>() : await options.engine.storedHashes();
    let result: { summary: IndexSummary; manifest: Manifest } | undefined;
    if (stored.size === 0) {
      rmSync(options.manifestPath, { force: true });
      await options.engine.rebuild(async (writer) => {
        result = await new IndexRun(writer, emptyManifest(pipeline), stored, pipeline, options).run(inputs);
      });
    } else {
      await options.engine.configure();
      const previous = loadManifest(options.manifestPath, pipeline);
      result = await new IndexRun(invalidatingManifest(options.engine, options.manifestPath), previous, stored, pipeline, options).run(inputs);
    }
    saveManifest(options.manifestPath, result!.manifest);
    return { ...result!.summary, skipped };
  } finally {
    lock.release();
  }
}
