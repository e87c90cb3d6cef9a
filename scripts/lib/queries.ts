import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const KNOWN_ITEM_VARIANTS = ['q', 'folded', 'typo', 'telex', 'tone_style'] as const;
export type KnownItemVariant = (typeof KNOWN_ITEM_VARIANTS)[number];

const queriesSchema = z.object({
  pairs: z.array(z.tuple([z.string(), z.string()])),
  known_items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      q: z.string(),
      folded: z.string(),
      typo: z.string().nullable(),
      telex: z.string(),
      tone_style: z.string(),
    }),
  ),
  /** Words whose syllables often meet across a word boundary (`hàng không`), for word-boundary precision. */
  word_boundary: z.array(z.string()).optional(),
});

/** The word-boundary queries when the query file names none: words whose syllables often touch across words in news. */
export const DEFAULT_WORD_BOUNDARY_QUERIES = ['hàng không', 'sinh học', 'quốc hội', 'dân chủ'];

export type EvalQueries = z.infer<typeof queriesSchema>;

export function loadEvalQueries(path: string): EvalQueries {
  return queriesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Every query string of the set, for latency measurements. */
export function allQueryStrings(queries: EvalQueries): string[] {
  return [...queries.pairs.flat(), ...queries.known_items.flatMap((item) => KNOWN_ITEM_VARIANTS.map((variant) => item[variant]).filter((q): q is string => q !== null))];
}
