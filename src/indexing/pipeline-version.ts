import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DIR, PACKAGE_ROOT } from '../config/paths.ts';

/** Data files only: editing a README in config/ changes nothing that is extracted. */
function dataFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return dataFilesUnder(path);
      return entry.endsWith('.md') ? [] : [path];
    });
}

/**
 * Identifies what turns a file into a document: the package version and every config file
 * (gazetteer, sources, language data). When it changes, the next run extracts everything anew.
 */
export function pipelineVersion(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  for (const file of dataFilesUnder(CONFIG_DIR)) hash.update(file.slice(CONFIG_DIR.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
