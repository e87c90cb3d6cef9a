import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareRecord, type PreparedRecord } from './prepare-record.ts';

export interface RecordBatch {
  id: number;
  file: string;
  /** Line number and text of each record. */
  lines: [number, string][];
}

/**
 * Worker threads exist only for the built code (`dist/`, plain JavaScript); from the TypeScript
 * sources (the test runner) records are prepared in the calling thread, which gives the same results.
 */
const RUNS_COMPILED = import.meta.url.endsWith('.js');

/**
 * Prepares JSON Lines records (parse, extract, analyse: nearly all of indexing's CPU) on worker
 * threads, one per core, while the calling thread writes to the engine. Results come back in the
 * order batches were sent.
 */
export class RecordPreparer {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (results: PreparedRecord[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /** `threads`: one per core unless given; none when running from TypeScript sources (tests), which workers cannot load. */
  constructor(threads?: number) {
    this.workers = Array.from({ length: RUNS_COMPILED ? (threads ?? availableParallelism()) : 0 }, () => {
      const worker = new Worker(new URL('./record-worker.js', import.meta.url));
      worker.on('message', ({ id, results }: { id: number; results: PreparedRecord[] }) => {
        this.pending.get(id)?.resolve(results);
        this.pending.delete(id);
      });
      worker.on('error', (error) => {
        for (const { reject } of this.pending.values()) reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  /** How many batches may be in flight before the caller should wait for the oldest. */
  get parallelism(): number {
    return Math.max(1, this.workers.length * 2);
  }

  prepare(file: string, lines: [number, string][]): Promise<PreparedRecord[]> {
    if (this.workers.length === 0) return Promise.resolve(lines.map(([line, text]) => prepareRecord(text, file, line)));
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, file, lines } satisfies RecordBatch);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
