import { parentPort } from 'node:worker_threads';
import { prepareRecord } from './prepare-record.ts';
import type { RecordBatch } from './record-preparer.ts';

parentPort!.on('message', ({ id, file, lines }: RecordBatch) => {
  parentPort!.postMessage({ id, results: lines.map(([line, text]) => prepareRecord(text, file, line)) });
});
