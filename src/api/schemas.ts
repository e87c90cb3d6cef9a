import { z } from 'zod';

/** A query parameter that may be given once or repeated (`party=A&party=B`). */
const repeatable = <T extends z.ZodType>(item: T) => z.preprocess((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]), z.array(item).max(20)).optional();

const facetValue = z.string().trim().min(1).max(100);
const year = z.coerce.number().int().min(1800).max(2200);

export const MAX_QUERY_LENGTH = 200;

export const searchParamsSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH).default(''),
    party: repeatable(facetValue),
    country: repeatable(facetValue),
    year: repeatable(year),
    year_from: year.optional(),
    year_to: year.optional(),
    sort: z.enum(['relevance', 'date_desc', 'date_asc']).default('relevance'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .refine((params) => params.year_from === undefined || params.year_to === undefined || params.year_from <= params.year_to, {
    message: 'year_from must not be after year_to',
    path: ['year_from'],
  });

export const suggestParamsSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH),
    limit: z.coerce.number().int().min(1).max(8).default(8),
  })
  .strict();

export const documentIdSchema = z.string().min(1).max(512);

export const emptyParamsSchema = z.object({}).strict();

/** A re-index run as the admin API shows it (`POST /api/admin/reindex`, `GET /api/admin/reindex/{id}`). */
export const reindexRunSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  started_at: z.string().describe('ISO 8601'),
  finished_at: z.string().describe('ISO 8601').optional(),
  summary: z
    .object({ files: z.number().int(), indexed: z.number().int(), unchanged: z.number().int(), deleted: z.number().int(), failed: z.number().int() })
    .optional(),
  error: z.string().optional(),
});

export const reindexResponseSchema = z.object({ run: reindexRunSchema });

export const reindexRunIdSchema = z.uuid();
