import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DiskFullError } from '../errors.ts';

const manifestSchema = z.object({
  version: z.literal(1),
  /** Changes when the extraction code or its config change, so everything is extracted anew. */
  pipeline: z.string(),
  files: z.record(
    z.string(),
    z.object({
      hash: z.string(),
      records: z.record(z.string(), z.string()),
      /** What could not be indexed, reported again while the file stays unchanged. */
      failed: z.array(z.object({ line: z.number().optional(), reason: z.string() })).default([]),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['files'][string];

export function emptyManifest(pipeline: string): Manifest {
  return { version: 1, pipeline, files: {} };
}

/** The manifest of the last completed run, or an empty one when there is none or it is unusable. */
export function loadManifest(path: string, pipeline: string): Manifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return emptyManifest(pipeline);
  }
}

/** Written aside then renamed: a crash leaves the previous manifest whole. */
export function saveManifest(path: string, manifest: Manifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const staged = `${path}.tmp`;
  try {
    writeFileSync(staged, JSON.stringify(manifest));
  } catch (error) {
    rmSync(staged, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new DiskFullError(dirname(path), { cause: error });
    throw error;
  }
  renameSync(staged, path);
}
