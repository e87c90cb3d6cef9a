import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { DOCS_CORPUS_DIR } from './paths.ts';

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** Every setting the service reads from the environment, with its default. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  INDEX_PATHS: commaList.optional(),
  ENGINE: z.enum(['sqlite', 'meilisearch']).optional(),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_ADMIN_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('documents'),
  ALLOWED_ORIGINS: commaList.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  ENGINE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  INDEX_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  ADMIN_TOKEN: z.string().min(16).optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  /** What `start` and the admin re-index index: files and directories. */
  indexPaths: string[];
  engine: 'sqlite' | 'meilisearch';
  meilisearch: { url: string; adminKey?: string; searchKey?: string; index: string } | null;
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  /** Processes serving the API (one per core makes use of them all). */
  workers: number;
  engineTimeoutMs: number;
  /** After SIGTERM, how long in-flight requests may take before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Worker threads `vnsearch index` prepares records in (one per core unless set). */
  indexThreads?: number;
  adminToken?: string;
  /** Bearer token `/metrics` asks for; without one `/metrics` is off. */
  metricsToken?: string;
  trustProxy?: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

export interface SettingOverrides {
  port?: number;
  workers?: number;
  dataDir?: string;
  engine?: 'sqlite' | 'meilisearch';
}

/** Reads settings from the environment (validated) and command-line overrides. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, overrides: SettingOverrides = {}): Settings {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}. See README "Configuration".`);
  }
  const e = parsed.data;
  const engine = overrides.engine ?? e.ENGINE ?? (e.MEILI_URL ? 'meilisearch' : 'sqlite');
  if (engine === 'meilisearch' && !e.MEILI_URL) throw new ConfigError('The meilisearch engine needs MEILI_URL (for example http://localhost:7700).');
  const adminKey = e.MEILI_ADMIN_KEY ?? e.MEILI_MASTER_KEY;
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    dataDir: resolve(overrides.dataDir ?? e.DATA_DIR),
    indexPaths: e.INDEX_PATHS?.length ? e.INDEX_PATHS.map((path) => resolve(path)) : [DOCS_CORPUS_DIR],
    engine,
    meilisearch: e.MEILI_URL ? { url: e.MEILI_URL, index: e.MEILI_INDEX, ...(adminKey ? { adminKey } : {}), ...(e.MEILI_SEARCH_KEY ? { searchKey: e.MEILI_SEARCH_KEY } : {}) } : null,
    allowedOrigins: e.ALLOWED_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    workers: overrides.workers ?? e.WEB_CONCURRENCY,
    engineTimeoutMs: e.ENGINE_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    ...(e.INDEX_THREADS !== undefined ? { indexThreads: e.INDEX_THREADS } : {}),
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    ...(e.TRUST_PROXY ? { trustProxy: e.TRUST_PROXY } : {}),
    logLevel: e.LOG_LEVEL,
  };
}
