import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipelineVersion, type PipelineSources } from './pipeline-version.ts';

describe('pipelineVersion', () => {
  let root: string;
  let sources: PipelineSources;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vnsearch-pipeline-'));
    sources = { packageRoot: root, configDir: join(root, 'config'), codeRoot: join(root, 'dist') };
    write('package.json', '{"version": "1.0.0"}');
    write('config/gazetteer.yaml', 'parties: []');
    write('config/README.md', 'About the data.');
    write('dist/vietnamese/segment.js', 'export const segment = 1;');
    write('dist/extraction/dates.js', 'export const dates = 1;');
    write('dist/extraction/dates.js.map', '{}');
    write('dist/analysis/fields.js', 'export const fields = 1;');
    write('dist/analysis/fields.test.js', 'test();');
    write('dist/config/language-data.js', 'export const gazetteer = 1;');
    write('dist/indexing/indexer.js', 'export const indexer = 1;');
    write('dist/api/app.js', 'export const app = 1;');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('changes with the code of any layer that turns a file into a document', () => {
    for (const file of ['dist/vietnamese/segment.js', 'dist/analysis/fields.js', 'dist/config/language-data.js', 'dist/extraction/dates.js', 'dist/indexing/indexer.js']) {
      const before = pipelineVersion(sources);
      write(file, `${file} changed`);
      expect(pipelineVersion(sources), file).not.toBe(before);
    }
    const before = pipelineVersion(sources);
    write('dist/extraction/new-step.js', 'export const step = 1;');
    expect(pipelineVersion(sources), 'a file added to a layer').not.toBe(before);
  });

  it('changes with the package and the config data', () => {
    for (const file of ['package.json', 'config/gazetteer.yaml']) {
      const before = pipelineVersion(sources);
      write(file, `${file} changed`);
      expect(pipelineVersion(sources), file).not.toBe(before);
    }
  });

  it('stays the same when only tests, source maps, docs or later layers change', () => {
    const before = pipelineVersion(sources);
    for (const file of ['dist/analysis/fields.test.js', 'dist/extraction/dates.js.map', 'config/README.md', 'dist/api/app.js']) write(file, 'changed');
    expect(pipelineVersion(sources)).toBe(before);
  });

  it('finds the layers in the tree it runs from', () => {
    expect(pipelineVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
