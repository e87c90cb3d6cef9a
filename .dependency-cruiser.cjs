/**
 * The layers of src/ and the one way imports may point (README, "Layout"), checked by
 * `npm run lint:layers` (part of `npm test`). From the bottom up:
 *
 *   base        src/errors.ts, src/types/, src/config/ (settings, paths, config-data loaders)
 *   vietnamese  pure language functions
 *   analysis    term forms, index fields, the token alphabet and pair joiner
 *   extraction  raw file → clean document
 *   indexing    files → prepared documents → an IndexTarget    } side by side:
 *   search      query readings, synonyms, snippets             } neither imports the other
 *   engines     the SearchEngine interface and its implementations
 *   api         HTTP
 *   cli         the command line (wires everything together)
 *   widget      the browser side: only the API's schema types
 *
 * A layer imports only the layers below it. Tests beside the code follow the same rule, except
 * that they may import anything (an indexer test drives a real engine).
 */
const layers = {
  base: '^src/(errors\\.ts|types/|config/)',
  vietnamese: '^src/vietnamese/',
  analysis: '^src/analysis/',
  extraction: '^src/extraction/',
  indexing: '^src/indexing/',
  search: '^src/search/',
  engines: '^src/engines/',
  api: '^src/api/',
  cli: '^src/cli/',
  widget: '^src/widget/',
};

/** What each layer may import, besides itself and libraries. */
const below = {
  base: ['base'],
  vietnamese: ['base'],
  analysis: ['base', 'vietnamese'],
  extraction: ['base', 'vietnamese', 'analysis'],
  indexing: ['base', 'vietnamese', 'analysis', 'extraction'],
  search: ['base', 'vietnamese', 'analysis'],
  engines: ['base', 'vietnamese', 'analysis', 'indexing', 'search'],
  api: ['base', 'vietnamese', 'analysis', 'extraction', 'indexing', 'search', 'engines'],
  cli: ['base', 'vietnamese', 'analysis', 'extraction', 'indexing', 'search', 'engines', 'api'],
  widget: [],
};

const TEST_FILE = '\\.test\\.ts$';

module.exports = {
  forbidden: [
    ...Object.entries(below).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `${layer} may import only ${allowed.length ? allowed.join(', ') : 'the API schema types'} (see .dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: layers[layer], pathNot: TEST_FILE },
      to: {
        path: '^src/',
        pathNot: [layers[layer], ...allowed.map((name) => layers[name]), ...(layer === 'widget' ? ['^src/api/schemas\\.ts$'] : [])],
      },
    })),
    {
      name: 'src-not-to-tooling',
      comment: 'The product never imports the tests, scripts or benchmarks that use it.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: { path: '^(tests|scripts|benchmarks)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    // Resolve packages as Node does for our ESM (meilisearch has `exports` only).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
