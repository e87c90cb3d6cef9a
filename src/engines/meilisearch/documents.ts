import { createHash } from 'node:crypto';
import type { SearchDocument } from '../../types/document.ts';
import type { IndexFields, PreparedDocument } from '../../indexing/fields.ts';

/** A document as sent to Meilisearch: ours, plus its primary key and the derived search fields. */
export interface MeiliDocument extends SearchDocument, Omit<IndexFields, WordFields> {
  doc_key: string;
}

/** Not sent yet: this adapter does not query the words (docs/meilisearch.md), and every field costs indexing time. */
type WordFields = 'words_folded' | 'words_exact';

/**
 * The Meilisearch primary key of a document id. Meilisearch accepts only `[a-zA-Z0-9_-]` (at most
 * 511 bytes) while our ids are file names or arbitrary record ids, so the key is a SHA-256 in
 * base64url (43 characters); the id itself stays in the `id` field.
 */
export function documentKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

export function toMeiliDocument({ document, fields }: PreparedDocument): MeiliDocument {
  const { words_folded: _folded, words_exact: _exact, ...searchable } = fields;
  return { doc_key: documentKey(document.id), ...document, ...searchable };
}

/** Our document back from a Meilisearch hit or document (displayed attributes only). */
export function fromMeiliDocument(stored: Record<string, unknown>): SearchDocument {
  return {
    id: String(stored.id),
    title: String(stored.title ?? ''),
    body: String(stored.body ?? ''),
    date: typeof stored.date === 'string' ? stored.date : null,
    year: typeof stored.year === 'number' ? stored.year : null,
    date_source: stored.date_source === 'metadata' || stored.date_source === 'explicit' || stored.date_source === 'inferred' ? stored.date_source : null,
    source: typeof stored.source === 'string' ? stored.source : null,
    url: typeof stored.url === 'string' ? stored.url : null,
    parties: stringArray(stored.parties),
    countries: stringArray(stored.countries),
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
