import { Agent, request } from 'node:http';

export interface KeepAliveClient {
  /** GETs `path` from the base URL, receives the whole body, and resolves with the status and the body's size in bytes. */
  get(path: string): Promise<{ status: number; bytes: number }>;
  /** GETs `path` and resolves with the status and the parsed JSON answer. */
  getJson(path: string, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  /** POSTs `body` as JSON and resolves with the status and the parsed answer. */
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  close(): void;
}

/**
 * A client for timing servers: node:http over kept-alive connections (one per request under way).
 * Not `fetch`: undici's fetch spends a fraction of a millisecond of its own per request, which an
 * overhead figure would otherwise count as the server's.
 */
function parsed(answer: { status: number; body: Buffer }): { status: number; json: unknown } {
  return { status: answer.status, json: answer.body.length === 0 ? null : JSON.parse(answer.body.toString('utf8')) };
}

export function keepAliveClient(baseUrl: string, maxSockets = 1): KeepAliveClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (path: string, method: string, body?: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const outgoing = request(
        `${baseUrl}${path}`,
        { agent, method, headers: body === undefined ? headers : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return {
    get: async (path) => {
      const { status, body } = await send(path, 'GET');
      return { status, bytes: body.length };
    },
    getJson: async (path, headers) => parsed(await send(path, 'GET', undefined, headers)),
    postJson: async (path, body, headers) => parsed(await send(path, 'POST', JSON.stringify(body), headers)),
    close: () => agent.destroy(),
  };
}
