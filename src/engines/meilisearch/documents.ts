import { createHash } from 'node:crypto';
import type { SearchDocument } from '../../types/document.ts';
import type { IndexFields, PreparedDocument } from '../../analysis/fields.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';

/**
 * A document as sent to Meilisearch: ours, plus its primary key and the derived search fields.
 * The body's exact keys are not a searchable field: they are the exact terms, a filterable set.
 */
export interface MeiliDocument extends SearchDocument, Omit<IndexFields, 'body_exact' | WordFields> {
  doc_key: string;
  /** Every exact key (`bans`) and adjacent pair of exact keys (`bans_hangf`) of the title and body, once each. */
  exact_terms: string[];
  /** The words of more than one syllable the title and body form with confidence, by their exact keys (`hangf_khoong`), once each. */
  word_terms: string[];
  /** What the indexer wrote the document from; read back by `storedHashes`, never shown in hits. */
  content_hash?: string;
}

/** Meilisearch caps a facet value's length; a longer token (a URL, a long number) is no word a query types. */
const MAX_EXACT_TERM_LENGTH = 100;

function documentExactTerms(fields: IndexFields): string[] {
  const terms = new Set<string>();
  for (const text of [fields.title_exact, fields.body_exact]) {
    const keys = text.split(' ').filter(Boolean);
    for (const term of [...keys, ...adjacentPairs(keys)]) if (term.length <= MAX_EXACT_TERM_LENGTH) terms.add(term);
  }
  return [...terms];
}

/** Sent as the word terms, a filterable set, not as searchable fields: positions of them would cost indexing time and rank nothing more. */
type WordFields = 'words_folded' | 'words_exact';

/**
 * The Meilisearch primary key of a document id. Meilisearch accepts only `[a-zA-Z0-9_-]` (at most
 * 511 bytes) while our ids are file names or arbitrary record ids, so the key is a SHA-256 in
 * base64url (43 characters); the id itself stays in the `id` field.
 */
export function documentKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

export function toMeiliDocument({ document, fields, contentHash }: PreparedDocument): MeiliDocument {
  const { body_exact: _bodyExact, words_folded: _folded, words_exact: _exact, ...searchable } = fields;
  return {
    doc_key: documentKey(document.id),
    ...document,
    ...searchable,
    exact_terms: documentExactTerms(fields),
    word_terms: fields.words_exact.split(' ').filter((word) => word !== '' && word.length <= MAX_EXACT_TERM_LENGTH),
    ...(contentHash === undefined ? {} : { content_hash: contentHash }),
  };
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
