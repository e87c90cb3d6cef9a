import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexLockedError } from '../errors.ts';
import { acquireRunLock, runLockHolder } from './run-lock.ts';

describe('run lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lets one holder in at a time and names it', () => {
    expect(runLockHolder(dataDir)).toBe(false);
    const lock = acquireRunLock(dataDir);
    expect(() => acquireRunLock(dataDir)).toThrow(IndexLockedError);
    expect(() => acquireRunLock(dataDir)).toThrow(`another vnsearch index run (pid ${process.pid}) holds ${dataDir}`);
    expect(runLockHolder(dataDir)).toBe(process.pid);
    lock.release();
    expect(runLockHolder(dataDir)).toBe(false);
    acquireRunLock(dataDir).release();
  });

  it('is free again once its holder was killed', async () => {
    // A process that takes the lock, says so, and waits to be killed.
    const script = `import('${new URL('./run-lock.ts', import.meta.url).pathname}').then((m) => { m.acquireRunLock(${JSON.stringify(dataDir)}); console.log('held'); setInterval(() => {}, 1000); });`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    expect(runLockHolder(dataDir)).toBe(holder.pid);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = acquireRunLock(dataDir);
    lock.release();
  });
});
