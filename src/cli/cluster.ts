import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';

/**
 * Runs `serveOne` in `workers` processes sharing one port, as Node's cluster module does, so a
 * machine's cores all answer searches (the embedded engine answers each search on the thread that
 * asked). The primary prints where it listens, forwards SIGTERM and SIGINT, and exits when the
 * workers have finished their in-flight requests.
 */
export async function serveOnWorkers(workers: number, serveOne: () => Promise<void>, announce: (url: string) => void): Promise<void> {
  if (workers <= 1 || cluster.isWorker) {
    await serveOne();
    return;
  }
  let announced = false;
  cluster.on('listening', (_worker, address: AddressInfo | { address: string | null; port: number }) => {
    if (announced) return;
    announced = true;
    announce(`http://localhost:${address.port}`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  let failed = false;
  cluster.on('exit', (worker, code) => {
    if (!announced && !stopping) {
      // A worker that could not even start (port in use, bad settings) has said why; its siblings would fail alike.
      failed = true;
      stop('SIGTERM');
    } else if (!stopping) {
      console.error(`vnsearch: worker ${worker.process.pid} exited with ${code}; starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      process.exit(failed ? 1 : 0);
    }
  });
  function stop(signal: NodeJS.Signals): void {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  }
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
