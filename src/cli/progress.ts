import type { IndexProgress } from '../indexing/indexer.ts';

const BAR_WIDTH = 30;

/** A progress bar redrawn in place on a terminal; silent when output is piped. */
export function progressBar(stream: NodeJS.WriteStream | null): { update(progress: IndexProgress): void; done(): void } {
  if (!stream?.isTTY) return { update: () => {}, done: () => {} };
  let lastDrawn = 0;
  return {
    update({ bytesDone, bytesTotal, documents }) {
      const now = Date.now();
      if (now - lastDrawn < 100) return;
      lastDrawn = now;
      const share = bytesTotal > 0 ? Math.min(1, bytesDone / bytesTotal) : 1;
      const filled = Math.round(share * BAR_WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${documents.toLocaleString('en')} documents`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
