import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data directory holds index files side by side and a `CURRENT` file naming the live one
 * (as LevelDB does). A rebuild writes a new file and then replaces `CURRENT` by rename, which is
 * atomic: readers see the old index or the new one, never a half-built one
 * (docs/index-format.md, "Generations and rebuilds").
 */
export class Generations {
  private readonly pointer: string;

  constructor(readonly dataDir: string) {
    this.pointer = join(dataDir, 'CURRENT');
  }

  /** Path of the live index file, or null when none was ever built. */
  current(): string | null {
    if (!existsSync(this.pointer)) return null;
    const name = readFileSync(this.pointer, 'utf8').trim();
    return name ? join(this.dataDir, name) : null;
  }

  /** A fresh file name for an index being built. */
  next(): string {
    mkdirSync(this.dataDir, { recursive: true });
    return join(this.dataDir, `index-${Date.now().toString(36)}-${process.pid}.db`);
  }

  promote(path: string): void {
    const staged = `${this.pointer}.tmp`;
    writeFileSync(staged, `${path.slice(this.dataDir.length + 1)}\n`);
    renameSync(staged, this.pointer);
  }

  static remove(path: string): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}
