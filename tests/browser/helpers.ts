import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const RESULTS_DIR = join(PROJECT_ROOT, 'test-results');
export const hasChromium = existsSync(CHROMIUM_PATH);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshotPath(name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}

export interface RunningServer {
  origin: string;
  port: number;
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A plain node:http server on a free port of 127.0.0.1. */
export async function startHttpServer(handler: Handler): Promise<RunningServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The page a third-party site would write: the widget embedded by script tag from the search server. */
export function hostPageHtml(apiOrigin: string, attributes = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
<script src="${apiOrigin}/widget.js" defer></script>
<style>
  body { margin: 0; font-family: Georgia, serif; background: #fafafa; }
  /* Hostile host styles that must not leak into the widget's shadow DOM. */
  button, input, mark, li { all: unset; color: hotpink; }
  header { padding: 12px 24px; background: #13315c; color: #fff; }
  vn-search { display: block; max-width: 1040px; margin: 0 auto; padding: 24px; --vn-search-accent: #13315c; }
</style></head>
<body><header>Báo Host — trang nhúng thử nghiệm</header>
<vn-search endpoint="${apiOrigin}" placeholder="Tìm kiếm…" ${attributes}></vn-search>
</body></html>`;
}

/** Serves the host page; `apiOrigin` is read per request so the API can be started after the host. */
export function startHostPage(apiOrigin: () => string, attributes = ''): Promise<RunningServer> {
  return startHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPageHtml(apiOrigin(), attributes));
  });
}

export function freePort(): Promise<number> {
  return startHttpServer(() => undefined).then(async (server) => {
    await server.close();
    return server.port;
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const CLI = join(PROJECT_ROOT, 'bin', 'vnsearch.js');

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `vnsearch serve` and resolves once it prints the address it listens on. */
export function serveCli(dataDir: string, port: number, allowedOrigins: string): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ALLOWED_ORIGINS: allowedOrigins, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await stopped;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`vnsearch serve did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk;
      if (output.includes('http://')) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, port, close });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vnsearch serve exited with ${code}:\n${output}`));
    });
  });
}
