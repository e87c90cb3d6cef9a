import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DIR, PACKAGE_ROOT } from '../config/paths.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * Identifies what turns a file into a document: the package version and every config file
 * (gazetteer, sources, language data). When it changes, the next run extracts everything anew.
 */
export function pipelineVersion(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  for (const file of filesUnder(CONFIG_DIR)) hash.update(file.slice(CONFIG_DIR.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
