import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** These run the built CLI as a user does; `npm test` builds first. */
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'vnsearch.js');
const CHILE = '000_84a1a76b7fe00136';

/** For commands that need the test's event loop free meanwhile (it holds a port they try). */
function vnsearchAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

function vnsearch(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vnsearch CLI', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help, and refuses unknown commands and options with exit code 2', () => {
    const help = vnsearch(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['index', 'serve', 'search', 'segment', 'extract']) expect(help.stdout).toContain(`vnsearch ${command}`);
    expect(vnsearch(['frobnicate']).code).toBe(2);
    const bad = vnsearch(['index', '--engine', 'elastic']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--engine must be sqlite or meilisearch');
  });

  it('indexes docs-corpus, then finds nothing changed on the second run', () => {
    const first = vnsearch(['index', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Indexed 5, unchanged 0, deleted 0, failed 0/);
    const second = vnsearch(['index', 'docs-corpus', '--data-dir', dataDir]);
    expect(second.stdout).toMatch(/Indexed 0, unchanged 5, deleted 0, failed 0/);
  });

  it('searches, with and without diacritics, as text and JSON', () => {
    const text = vnsearch(['search', 'dang cong san chile', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`[${CHILE}]`);
    const json = JSON.parse(vnsearch(['search', 'Đảng Cộng sản Chile', '--json', '--data-dir', dataDir]).stdout) as { hits: { id: string }[]; facets: { country: Record<string, number> } };
    expect(json.hits[0]?.id).toBe(CHILE);
    expect(json.facets.country.Chile).toBeGreaterThan(0);
    const filtered = JSON.parse(vnsearch(['search', 'dang', '--country', 'Chile', '--json', '--data-dir', dataDir]).stdout) as { hits: { countries: string[] }[] };
    expect(filtered.hits.length).toBeGreaterThan(0);
    for (const hit of filtered.hits) expect(hit.countries).toContain('Chile');
  });

  it('counts one result in the singular, and refuses a --limit the API refuses', () => {
    expect(vnsearch(['search', 'chile', '--party', 'Đảng Cộng sản Chile', '--data-dir', dataDir]).stdout).toMatch(/^1 result for "chile"/);
    for (const limit of ['0', '51', '0x0A']) {
      const refused = vnsearch(['search', 'chile', '--limit', limit, '--data-dir', dataDir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--limit must be an integer from 1 to 50');
    }
  });

  /** A mistake gets one line saying what to do (and the pointer to --help), never a stack trace. */
  const expectOneLineError = (result: { code: number | null; stderr: string }, code: number, pattern: RegExp): void => {
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => !line.includes('--help')).length,
    ).toBe(1);
  };

  it('says in one line that extract reads a file, not a directory', () => {
    expectOneLineError(vnsearch(['extract', 'docs-corpus']), 2, /docs-corpus is a directory/);
  });

  it('says in one line that a port is out of range or already in use', async () => {
    expectOneLineError(vnsearch(['serve', '--port', '99999', '--data-dir', dataDir]), 2, /--port must be between 0 and 65535/);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      for (const workers of ['1', '2']) {
        const result = await vnsearchAsync(['serve', '--port', String(port), '--workers', workers, '--data-dir', dataDir]);
        expectOneLineError(result, 1, new RegExp(`Port ${port} is in use by another process`));
      }
    } finally {
      taken.close();
    }
  });

  it('segments stdin line by line', () => {
    const result = vnsearch(['segment'], 'Đảng Cộng sản Việt Nam\nHà Nội\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Đảng Cộng_sản Việt_Nam\nHà_Nội\n');
  });

  it('extracts a document as the indexer would store it', () => {
    const document = JSON.parse(vnsearch(['extract', `docs-corpus/${CHILE}.txt`, '--json']).stdout) as { id: string; title: string; countries: string[] };
    expect(document.id).toBe(CHILE);
    expect(document.title).toBe('Hội thảo trực tuyến giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile');
    expect(document.countries).toContain('Chile');
    const missing = vnsearch(['extract', 'docs-corpus/nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
  });

  /** Runs a serving command, searches through it, then stops it with SIGTERM and returns its exit code. */
  async function searchThroughServer(args: string[]): Promise<{ firstHit: string | undefined; exitCode: number | null }> {
    const server = spawn(process.execPath, [BIN, ...args, '--port', '0'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)));
    });
    const response = await fetch(`${url}/api/search?q=${encodeURIComponent('dang cong san chile')}`);
    const body = (await response.json()) as { hits: { id: string }[] };
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    return { firstHit: body.hits[0]?.id, exitCode: await exited };
  }

  it('serves the API until SIGTERM, then shuts down cleanly', async () => {
    expect(await searchThroughServer(['serve', '--data-dir', dataDir])).toEqual({ firstHit: CHILE, exitCode: 0 });
  });

  it('serves from several worker processes on one port', async () => {
    expect(await searchThroughServer(['serve', '--data-dir', dataDir, '--workers', '2'])).toEqual({ firstHit: CHILE, exitCode: 0 });
  });

  it('starts from nothing: indexes docs-corpus, then serves', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'vnsearch-start-'));
    expect(await searchThroughServer(['start', '--data-dir', fresh])).toEqual({ firstHit: CHILE, exitCode: 0 });
    rmSync(fresh, { recursive: true, force: true });
  });
});
