import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';

const LANGUAGE_DATA_DIR = join('config', 'vietnamese');

/** The package's config/vietnamese folder, found upwards from this module (works from src/ and dist/). */
function languageDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, LANGUAGE_DATA_DIR);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError(`language data folder ${LANGUAGE_DATA_DIR} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Reads and validates one JSON file (gzipped when its name ends in .gz) of config/vietnamese/ at module load. */
export function loadLanguageData<Schema extends z.ZodType>(fileName: string, schema: Schema): z.infer<Schema> {
  const path = join(languageDataDir(), fileName);
  let parsed: unknown;
  try {
    const bytes = readFileSync(path);
    parsed = JSON.parse((fileName.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read language data ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new ConfigError(`invalid language data ${path}: ${result.error.message}`);
  return result.data;
}
