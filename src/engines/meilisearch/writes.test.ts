import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../errors.ts';
import { prepareDocument } from '../../analysis/fields.ts';
import { MeilisearchEngine } from './engine.ts';

// How the adapter paces its writes, against a stub that records requests and answers as
// Meilisearch's task API does (tests/integration/meilisearch.test.ts runs a real Meilisearch).

interface Recorded {
  method: string;
  path: string;
}

function stub(taskStatus: (uid: number) => 'succeeded' | 'failed'): Promise<{ server: Server; url: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  let nextTask = 0;
  const server = createServer((request: IncomingMessage, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://stub').pathname;
      requests.push({ method: request.method ?? '', path });
      response.setHeader('content-type', 'application/json');
      const polled = /^\/tasks\/(\d+)$/.exec(path);
      if (polled) {
        const uid = Number(polled[1]);
        const status = taskStatus(uid);
        response.end(
          JSON.stringify({
            uid,
            indexUid: 'docs',
            status,
            type: 'documentAdditionOrUpdate',
            ...(status === 'failed' ? { error: { message: 'payload refused', code: 'invalid_document_fields' } } : {}),
          }),
        );
        return;
      }
      response.statusCode = 202;
      response.end(JSON.stringify({ taskUid: nextTask++, indexUid: 'docs', status: 'enqueued', type: 'documentAdditionOrUpdate', enqueuedAt: new Date().toISOString() }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, requests });
    }),
  );
}

const documents = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    prepareDocument({ id: `d${i}`, title: `Tin ${i}`, body: 'Nội dung', date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [] }),
  );

describe('MeilisearchEngine writes', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('enqueues upserts and deletes without waiting, then waits for every task at commit', async () => {
    const meili = await stub(() => 'succeeded');
    server = meili.server;
    const engine = new MeilisearchEngine({ url: meili.url, indexUid: 'docs', batchSize: 500 });
    await engine.upsert(documents(1200));
    await engine.delete(['gone']);
    expect(meili.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /indexes/docs/documents',
      'POST /indexes/docs/documents',
      'POST /indexes/docs/documents',
      'POST /indexes/docs/documents/delete-batch',
    ]);
    await engine.commit();
    expect(meili.requests.filter(({ path }) => path.startsWith('/tasks/')).map(({ path }) => path)).toEqual(['/tasks/0', '/tasks/1', '/tasks/2', '/tasks/3']);
    meili.requests.length = 0;
    await engine.commit();
    expect(meili.requests).toEqual([]);
  });

  it('fails the commit with the task’s own error when Meilisearch refused a batch', async () => {
    const meili = await stub((uid) => (uid === 1 ? 'failed' : 'succeeded'));
    server = meili.server;
    const engine = new MeilisearchEngine({ url: meili.url, indexUid: 'docs', batchSize: 1 });
    await engine.upsert(documents(3));
    const committed = engine.commit();
    await expect(committed).rejects.toThrow(EngineError);
    await expect(committed).rejects.toThrow(/task 1 .*payload refused/);
  });
});
