import { fileURLToPath } from 'node:url';

/** The package root, the same from `src/config/` and from the built `dist/config/`. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONFIG_DIR = fileURLToPath(new URL('../../config/', import.meta.url));
export const DOCS_CORPUS_DIR = fileURLToPath(new URL('../../docs-corpus/', import.meta.url));
