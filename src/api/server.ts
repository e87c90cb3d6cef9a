import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SearchEngine } from '../engines/engine.ts';
import type { Settings } from '../config/settings.ts';
import { VnsearchError } from '../errors.ts';
import type { ReindexRuns } from './routes/admin.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  /**
   * Stops taking connections, lets in-flight requests finish for up to SHUTDOWN_TIMEOUT_MS, then
   * closes the connections left (a client that never finishes its request cannot hold it up), and
   * the engine.
   */
  close(): Promise<void>;
}

export async function startServer(settings: Settings, engine: SearchEngine, logger: Logger, reindexRuns?: ReindexRuns): Promise<RunningServer> {
  const app = createApp({
    engine,
    logger,
    ...(settings.adminToken && reindexRuns ? { admin: { token: settings.adminToken, runs: reindexRuns } } : {}),
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
      const deadline = setTimeout(() => {
        logger.warn({ timeoutMs: settings.shutdownTimeoutMs }, 'closing the connections still open at the shutdown deadline');
        server.closeAllConnections();
      }, settings.shutdownTimeoutMs);
      try {
        await closed;
      } finally {
        clearTimeout(deadline);
      }
      await engine.close();
      logger.info('stopped; the index is closed');
    },
  };
}
