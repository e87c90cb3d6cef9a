import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { loadSettings } from './settings.ts';

describe('loadSettings', () => {
  it('reads the indexing threads when set, and leaves the default (one per core) otherwise', () => {
    expect(loadSettings({ INDEX_THREADS: '1' }).indexThreads).toBe(1);
    expect(loadSettings({}).indexThreads).toBeUndefined();
  });

  it('refuses a value it cannot use, naming the setting', () => {
    expect(() => loadSettings({ INDEX_THREADS: 'many' })).toThrow(ConfigError);
    expect(() => loadSettings({ INDEX_THREADS: 'many' })).toThrow(/INDEX_THREADS/);
  });
});
