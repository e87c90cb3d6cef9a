import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineUnavailableError } from '../../errors.ts';
import { MeilisearchEngine } from './engine.ts';
import { prepareDocument } from '../../analysis/fields.ts';

// No Meilisearch runs here (tests/integration/meilisearch.test.ts covers a real one): these only
// check that an unreachable or silent engine fails fast with the error the API turns into a 503.

function listen(onConnection: (socket: Socket) => void): Promise<Server> {
  const server = createServer(onConnection);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('MeilisearchEngine when Meilisearch cannot answer', () => {
  let closedPort: number;
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const closed = await listen(() => {});
    closedPort = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    silent = await listen((socket) => void sockets.push(socket));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const request = { q: 'đảng cộng sản', filters: {}, sort: 'relevance' as const, limit: 10, offset: 0 };

  it('reports a refused connection as unavailable, for reads and writes', async () => {
    const engine = new MeilisearchEngine({ url: `http://127.0.0.1:${closedPort}`, retry: { attempts: 2, baseDelayMs: 1 } });
    await expect(engine.ping()).rejects.toThrow(EngineUnavailableError);
    await expect(engine.search(request)).rejects.toThrow(EngineUnavailableError);
    await expect(engine.getDocument('003_a0d7a5b1341942cd')).rejects.toThrow(EngineUnavailableError);
    await expect(
      engine.upsert([{ id: 'a', title: 'Tin', body: 'Nội dung', date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [] }].map(prepareDocument)),
    ).rejects.toThrow(EngineUnavailableError);
  });

  it('gives up on a silent engine after its timeout instead of hanging', async () => {
    const engine = new MeilisearchEngine({ url: `http://127.0.0.1:${portOf(silent)}`, timeoutMs: 200 });
    const started = Date.now();
    await expect(engine.search(request)).rejects.toThrow(/Meilisearch is unavailable while searching: request timed out after 200ms/);
    await expect(engine.ping()).rejects.toThrow(EngineUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
