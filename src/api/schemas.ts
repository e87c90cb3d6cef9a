/**
 * The HTTP contract, once: every request parameter and response body as a zod schema. The routes
 * parse with these, `/openapi.json` is generated from them (openapi.ts), and the widget and the
 * browser tests' mock take their types from them (`import type`, so no zod ships in widget.js).
 */
import { z } from 'zod';
import { runStatusSchema } from '../indexing/run-status.ts';

/** Code points, as JSON Schema's minLength/maxLength count them (a JS string's length counts UTF-16 units). */
const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** A string bounded in code points; the bounds reach `/openapi.json` through `meta`. */
function text(min: number, max: number) {
  return z
    .string()
    .refine((value) => codePoints(value) >= min, { message: `must be at least ${min} characters long` })
    .refine((value) => codePoints(value) <= max, { message: `must be at most ${max} characters long` })
    .meta({ minLength: min, maxLength: max });
}

/**
 * An integer query parameter, written in plain decimal digits: `0x0A`, `1e1`, ` 5` and an empty
 * value are refused, as the spec's `type: integer` says (`z.coerce.number` accepted them all).
 */
function queryInteger(min: number, max: number) {
  return z
    .string()
    .regex(/^-?[0-9]{1,12}$/, { message: 'must be an integer written in decimal digits' })
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

const MAX_REPEATS = 20;

/** A query parameter that may be given once or repeated (`party=A&party=B`). */
const repeatable = <T extends z.ZodType>(item: T) => z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(MAX_REPEATS)).optional();

export const MAX_QUERY_LENGTH = 200;
export const MAX_SEARCH_LIMIT = 50;
export const MAX_SUGGEST_LIMIT = 8;
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

export const SORT_ORDERS = ['relevance', 'date_desc', 'date_asc'] as const;
const facetValue = text(1, 100).describe('A canonical name, as the facets list it');
const year = queryInteger(MIN_YEAR, MAX_YEAR);

/**
 * `GET /api/search`. A `year_from` after `year_to` is a range that holds nothing, answered with no
 * results rather than refused, since JSON Schema cannot state the relation between two parameters.
 */
export const searchQuerySchema = z.strictObject({
  q: text(0, MAX_QUERY_LENGTH)
    .default('')
    .describe(
      'Query, with or without diacritics, Telex accepted; empty with filters browses, newest first. ' +
        '`"bạn hàng"`: the quoted words as a phrase, with exactly the diacritics typed (none typed: any). ' +
        '`-word`: leaves out documents holding the word (the exact word when typed with diacritics, every form without). ' +
        'Joined names are also read apart when the index writes them so (`hanoi` → Hà Nội, `hochiminh` → Hồ Chí Minh), syllables typed apart joined (`Lê Nin` → Lenin), ' +
        'and a number after a word in the other numeral system (`đại hội 13` ↔ `Đại hội XIII`, I–XXXIX).',
    ),
  party: repeatable(facetValue).describe('Party filter; repeat for several (OR within a facet, AND across facets)'),
  country: repeatable(facetValue).describe('Country filter; repeat for several'),
  year: repeatable(year).describe('Year filter; repeat for several'),
  year_from: year.optional().describe('First year of a range'),
  year_to: year.optional().describe('Last year of a range'),
  sort: z.enum(SORT_ORDERS).default('relevance'),
  limit: queryInteger(1, MAX_SEARCH_LIMIT).default(10).describe('Results per page'),
  offset: queryInteger(0, 10_000).default(0).describe('Results to skip'),
  verbatim: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    // Piped so that the OpenAPI description (written from the output) says boolean.
    .pipe(z.boolean())
    .describe('`true` searches the words exactly as typed: no Telex decoding, aliases, typo corrections or interpretation'),
});

export const suggestQuerySchema = z.strictObject({
  q: text(0, MAX_QUERY_LENGTH).describe('What the user has typed so far'),
  limit: queryInteger(1, MAX_SUGGEST_LIMIT).default(MAX_SUGGEST_LIMIT).describe('Most completions to return'),
});

export const emptyQuerySchema = z.strictObject({});

export const documentIdSchema = text(1, 512).describe('Document id, as search hits give it');

export const reindexRunIdSchema = text(1, 128).describe('Run id, as `POST /api/admin/reindex` gave it');

// ---- responses ----

/** Response schemas with a name: `components.schemas` of `/openapi.json`. */
export const namedSchemas = z.registry<{ id: string }>();
function named<T extends z.ZodType>(id: string, schema: T): T {
  namedSchemas.add(schema, { id });
  return schema;
}

const nullableText = z.string().nullable();
const names = z.array(z.string());

export const documentSchema = named(
  'Document',
  z.strictObject({
    id: z.string(),
    title: z.string(),
    body: z.string().describe('Clean article text: paragraphs separated by blank lines'),
    date: nullableText.describe('ISO `YYYY-MM-DD`, or null when the article has no trustworthy full date'),
    year: z.int().nullable(),
    date_source: z.enum(['metadata', 'explicit', 'inferred']).nullable(),
    source: nullableText,
    url: nullableText,
    parties: names,
    countries: names,
  }),
);

export const searchHitSchema = named(
  'SearchHit',
  documentSchema.omit({ body: true, date_source: true }).extend({
    snippet: z.string().describe('HTML: an excerpt of the body, matches in <mark>, everything else escaped'),
    title_html: z.string().describe('HTML: the title, matches in <mark>, everything else escaped (as the snippet)'),
  }),
);

const counts = z.record(z.string(), z.int().min(0));
export const facetsSchema = named('Facets', z.strictObject({ party: counts, country: counts, year: counts }));

export const searchResponseSchema = named(
  'SearchResponse',
  z.strictObject({
    query: z.string(),
    total: z.int().min(0),
    limit: z.int(),
    offset: z.int(),
    took_ms: z.number().min(0),
    hits: z.array(searchHitSchema),
    facets: facetsSchema,
    did_you_mean: z
      .string()
      .optional()
      .describe('A corrected query: the query as the results read it when a typo correction or a Telex decoding changed them, or, when nothing matches, a correction that finds something'),
    interpreted: z
      .string()
      .optional()
      .describe(
        'The query as the results read it, as the corpus writes it (diacritics restored, Telex decoded, typos corrected), when it differs from the typed text; `verbatim=true` searches the typed text instead',
      ),
  }),
);

export const suggestionSchema = z.strictObject({ text: z.string(), count: z.int().min(0) });
export const suggestResponseSchema = named('SuggestResponse', z.strictObject({ query: z.string(), suggestions: z.array(suggestionSchema) }));
export const facetsResponseSchema = named('FacetsResponse', z.strictObject({ facets: facetsSchema }));

export const healthResponseSchema = z.strictObject({ status: z.literal('ok') });
export const readyResponseSchema = z.strictObject({ status: z.literal('ready'), documents: z.int().min(0) });

export const errorResponseSchema = named(
  'Error',
  z.strictObject({
    error: z.strictObject({
      code: z.string().describe('Stable, for programs: invalid_parameter, not_found, method_not_allowed, rate_limited, engine_unavailable, index_damaged…'),
      message: z.string().describe('For people; never holds paths or internals'),
      details: z.unknown().describe('For invalid_parameter: [{parameter, message}]; otherwise null'),
    }),
  }),
);

/** A re-index run as the admin API shows it: what the run records in the data directory, less its process id. */
export const reindexRunSchema = named('ReindexRun', runStatusSchema.omit({ pid: true, parent_pid: true }));
export const reindexStartedSchema = named('ReindexStarted', z.strictObject({ run: reindexRunSchema.extend({ status: z.literal('running') }) }));
export const reindexStatusSchema = named('ReindexStatus', z.strictObject({ run: reindexRunSchema }));

export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchResponseBody = z.infer<typeof searchResponseSchema>;
export type SearchHitBody = z.infer<typeof searchHitSchema>;
export type FacetsBody = z.infer<typeof facetsSchema>;
export type DocumentBody = z.infer<typeof documentSchema>;
export type SuggestResponseBody = z.infer<typeof suggestResponseSchema>;
export type SuggestionBody = z.infer<typeof suggestionSchema>;
export type ErrorBody = z.infer<typeof errorResponseSchema>;
export type ReindexRun = z.infer<typeof reindexRunSchema>;
