import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SearchEngine } from '../engines/engine.ts';
import type { Settings } from '../config/settings.ts';
import type { IndexSummary } from '../indexing/indexer.ts';
import { VnsearchError } from '../errors.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  /** Stops taking connections, lets in-flight requests finish, then closes the engine. */
  close(): Promise<void>;
}

export async function startServer(settings: Settings, engine: SearchEngine, logger: Logger, reindex?: () => Promise<IndexSummary>): Promise<RunningServer> {
  const app = createApp({
    engine,
    logger,
    ...(settings.adminToken && reindex ? { admin: { token: settings.adminToken, reindex } } : {}),
    ...(settings.metricsToken ? { metricsToken: settings.metricsToken } : {}),
    allowedOrigins: settings.allowedOrigins,
    rateLimitPerMinute: settings.rateLimitPerMinute,
    engineTimeoutMs: settings.engineTimeoutMs,
    ...(settings.trustProxy ? { trustProxy: settings.trustProxy } : {}),
  });
  const server = app.listen(settings.port, settings.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new VnsearchError(`Port ${settings.port} is in use by another process: stop it, or choose another port with --port or PORT.`, 'port_in_use', { cause: error });
    if (code === 'EACCES') throw new VnsearchError(`Not allowed to listen on port ${settings.port}: choose a port above 1023 with --port or PORT.`, 'port_forbidden', { cause: error });
    if (code === 'EADDRNOTAVAIL') throw new VnsearchError(`Cannot listen on ${settings.host}: no such address on this machine; check HOST.`, 'bad_host', { cause: error });
    throw error;
  }
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const host = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeIdleConnections();
      await closed;
      await engine.close();
    },
  };
}
