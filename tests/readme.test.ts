/**
 * Runs every shell command of the README's ```sh blocks exactly as written. A long-running command
 * (`npm start`) is started, checked over HTTP by the commands after it, and stopped. Commands that
 * cannot run inside the test suite are listed in NOT_RUN with the reason; any other command fails
 * this test until it is run or listed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const README_PORT = 3000;

const NOT_RUN: Record<string, string> = {
  'npm ci': 'reinstalls the node_modules this suite runs from; CI runs it before the tests',
  'npm test': 'is the suite this test belongs to',
  'cp .env.example .env': 'prepares docker compose, below',
  'docker compose up': 'needs Docker and a Meilisearch image, which the test machines do not have (tests/meilisearch covers the engine)',
};

/** The README's shell commands, in order: ```sh blocks, one command per line or per `&&`. */
function readmeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .flatMap((line) => line.split('&&').map((command) => command.trim())),
  );
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilReady(url: string, child: { exitCode: number | null }, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start did not become ready:\n${output()}`);
}

const portTaken = await portInUse(README_PORT);
if (portTaken) console.warn(`Skipping the README commands test: port ${README_PORT}, which the README's commands use, is taken.`);

describe('README commands', () => {
  const commands = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('finds the README’s commands, each run here or excluded with a reason', () => {
    expect(commands).toContain('npm start');
    expect(commands.filter((command) => !(command in NOT_RUN))).toEqual(['npm start', "curl 'localhost:3000/api/search?q=dang+cong+san+chile'"]);
  });

  it.skipIf(portTaken)('runs them as written: npm start serves the search the curl example asks for', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-readme-'));
    const runnable = commands.filter((command) => !(command in NOT_RUN));
    const [start, ...checks] = runnable;
    expect(start).toBe('npm start');
    const server = spawn('bash', ['-c', start!], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, detached: true });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      await waitUntilReady(`http://localhost:${README_PORT}/readyz`, server, () => output);
      for (const command of checks) {
        const result = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
        expect(result.status, `${command}\n${result.stderr}`).toBe(0);
        const body = JSON.parse(result.stdout) as { query: string; total: number; hits: { title: string }[] };
        expect(body.query).toBe('dang cong san chile');
        expect(body.hits[0]?.title).toMatch(/Chile/);
      }
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
