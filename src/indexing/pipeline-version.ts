import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_DIR, PACKAGE_ROOT } from '../config/paths.ts';

/** Where what turns a file into a document is read from. */
export interface PipelineSources {
  /** Holds package.json: the version and the libraries. */
  packageRoot: string;
  /** Gazetteer, sources, language data. */
  configDir: string;
  /** The compiled or source tree holding the layers below (`dist` or `src`). */
  codeRoot: string;
}

/**
 * The layers whose code decides what a document holds: language, analysis, the loaders of the
 * config data (their schemas give defaults), extraction, indexing.
 */
const DOCUMENT_LAYERS = ['vietnamese', 'analysis', 'config', 'extraction', 'indexing'] as const;

/** The tree this module runs from: `dist` once built, `src` under tsx or vitest. */
const RUNNING_CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const RUNNING_SOURCES: PipelineSources = { packageRoot: PACKAGE_ROOT, configDir: CONFIG_DIR, codeRoot: RUNNING_CODE_ROOT };

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return filesUnder(path, keep);
      return keep(entry) ? [path] : [];
    });
}

/** Data files only: editing a README in config/ changes nothing that is extracted. */
const isData = (name: string) => !name.endsWith('.md');

/** Code that runs: not its tests, type declarations or source maps. */
const isRunningCode = (name: string) => /\.(ts|js)$/.test(name) && !/\.test\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');

/**
 * Identifies what turns a file into a document: the package version, every config file and the
 * code of the layers that extract and prepare it, as they run. When any of them changes, the next
 * run extracts everything anew, so the index holds what the current code would produce.
 */
export function pipelineVersion(sources: PipelineSources = RUNNING_SOURCES): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(sources.packageRoot, 'package.json')));
  const add = (root: string, files: string[]) => {
    for (const file of files) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  };
  add(sources.configDir, filesUnder(sources.configDir, isData));
  for (const layer of DOCUMENT_LAYERS) add(sources.codeRoot, filesUnder(join(sources.codeRoot, layer), isRunningCode));
  return hash.digest('hex').slice(0, 16);
}
