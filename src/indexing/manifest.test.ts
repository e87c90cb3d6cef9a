import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyManifest, loadManifest, saveManifest } from './manifest.ts';

describe('manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnsearch-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through disk', () => {
    const path = join(dir, 'a.json');
    const manifest = { ...emptyManifest('p1'), files: { '/x.txt': { hash: 'h', records: { x: 'h' }, failed: [{ line: 3, reason: 'malformed JSON' }] } } };
    saveManifest(path, manifest);
    expect(loadManifest(path, 'p1')).toEqual(manifest);
  });

  it('starts empty when the file is missing or damaged', () => {
    expect(loadManifest(join(dir, 'missing.json'), 'p2')).toEqual(emptyManifest('p2'));
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"version": 1, "pipel');
    expect(loadManifest(damaged, 'p2')).toEqual(emptyManifest('p2'));
  });
});
