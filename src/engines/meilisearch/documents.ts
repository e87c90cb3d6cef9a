import { createHash } from 'node:crypto';
import type { SearchDocument } from '../../types/document.ts';
import type { IndexFields, PreparedDocument } from '../../indexing/fields.ts';

/** A document as sent to Meilisearch: ours, plus its primary key and the derived search fields. */
export interface MeiliDocument extends SearchDocument, IndexFields {
  doc_key: string;
  /** What the indexer wrote the document from; read back by `storedHashes`, never shown in hits. */
  content_hash?: string;
}

/**
 * The Meilisearch primary key of a document id. Meilisearch accepts only `[a-zA-Z0-9_-]` (at most
 * 511 bytes) while our ids are file names or arbitrary record ids, so the key is a SHA-256 in
 * base64url (43 characters); the id itself stays in the `id` field.
 */
export function documentKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

export function toMeiliDocument({ document, fields, contentHash }: PreparedDocument): MeiliDocument {
  return { doc_key: documentKey(document.id), ...document, ...fields, ...(contentHash === undefined ? {} : { content_hash: contentHash }) };
}

/** Our document back from a Meilisearch hit or document (displayed attributes only). */
export function fromMeiliDocument(stored: Record<string, unknown>): SearchDocument {
  return {
    id: String(stored.id),
    title: String(stored.title ?? ''),
    body: String(stored.body ?? ''),
    date: typeof stored.date === 'string' ? stored.date : null,
    year: typeof stored.year === 'number' ? stored.year : null,
    date_source: stored.date_source === 'metadata' || stored.date_source === 'explicit' ? stored.date_source : null,
    source: typeof stored.source === 'string' ? stored.source : null,
    url: typeof stored.url === 'string' ? stored.url : null,
    parties: stringArray(stored.parties),
    countries: stringArray(stored.countries),
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
