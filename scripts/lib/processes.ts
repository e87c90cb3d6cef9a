import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/vnsearch.js', import.meta.url));

/**
 * Resident memory of a process in bytes (`VmRSS`), its peak (`VmHWM`), and how much of it is
 * anonymous (the heap) or file-backed (mapped files, such as an index SQLite reads through mmap), from /proc.
 */
export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    const memory = { rss: field('VmRSS'), peak: field('VmHWM'), anonymous: field('RssAnon'), fileBacked: field('RssFile') };
    // An exited process not yet reaped still has a status file, without memory lines.
    return Number.isNaN(memory.peak) ? null : memory;
  } catch {
    return null;
  }
}

export interface Memory {
  rss: number;
  peak: number;
  anonymous: number;
  fileBacked: number;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Memory of a process and all its descendants (a server with cluster workers), summed. */
export function treeMemoryOf(pid: number): Memory | null {
  const own = memoryOf(pid);
  if (!own) return null;
  return childrenOf(pid).reduce((sum, child) => {
    const memory = treeMemoryOf(child);
    return memory ? { rss: sum.rss + memory.rss, peak: sum.peak + memory.peak, anonymous: sum.anonymous + memory.anonymous, fileBacked: sum.fileBacked + memory.fileBacked } : sum;
  }, own);
}

/** Runs the CLI to completion, timing it and sampling its peak memory. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakBytes: number; code: number | null; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakBytes = 0;
  const sampler = setInterval(() => {
    peakBytes = Math.max(peakBytes, memoryOf(child.pid!)?.peak ?? 0);
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, peakBytes, code, stdout };
}

export interface ListeningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a Node script that prints `listening on URL`, and resolves with the URL once it does. */
export async function startListening(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ListeningProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts `vnsearch serve` on a free port and resolves once it listens. */
export function startServe(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ListeningProcess> {
  return startListening([BIN, 'serve', '--port', '0', '--data-dir', dataDir], { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...env });
}
