import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';

const labelledArticle = z
  .object({
    id: z.string().optional(),
    file: z.string().optional(),
    stratum: z.string(),
    batch: z.string().optional(),
    countries: z.array(z.string()),
    parties: z.array(z.string()),
    // A second reader's countries and parties, read apart and blind to the first's; `countries` and
    // `parties` are then what a third reader settled where the two differ, and `first_*` the first
    // reading a settled label replaced.
    second_countries: z.array(z.string()).optional(),
    first_countries: z.array(z.string()).optional(),
    second_parties: z.array(z.string()).optional(),
    first_parties: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .refine((article) => (article.id === undefined) !== (article.file === undefined), 'an article has either an id or a file');

/** How a batch was drawn, and whether it is tuned on or held out entirely. */
const batchDescription = z.object({ part: z.enum(['tuning', 'held-out']), command: z.string() }).passthrough();

const labelsSchema = z.object({ batches: z.record(z.string(), batchDescription).default({}), articles: z.array(labelledArticle) }).superRefine((labels, context) => {
  for (const article of labels.articles) {
    if (article.batch !== undefined && labels.batches[article.batch] === undefined) {
      context.addIssue({ code: 'custom', message: `article ${labelKey(article)} names batch "${article.batch}", which "batches" does not describe` });
    }
  }
});

export type LabelledArticle = z.infer<typeof labelledArticle>;
export type Labels = z.infer<typeof labelsSchema>;

/** The labels of a file, or an error naming the file and what is wrong in it. */
export function loadLabels(path: string): Labels {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}; give a labels file such as tests/fixtures/extraction-labels.json`);
  }
  const parsed = labelsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => [...issue.path, issue.message].join(': ')).join('; ')}`);
  return parsed.data;
}

/** For a script: the labels of a file, or its one-line error on stderr and exit status 2. */
export function loadLabelsOrExit(path: string): Labels {
  try {
    return loadLabels(path);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/** The key an article is labelled by: its corpus id, or its file's name. */
export function labelKey(article: LabelledArticle): string {
  return article.id ?? basename(article.file!);
}

/**
 * The part an article counts in: `tuning` (articles of no batch, and of batches drawn for tuning),
 * or `batch NAME` for a held-out batch, which is measured apart and never tuned on.
 */
export function partOf(labels: Labels, article: LabelledArticle): string {
  if (article.batch === undefined || labels.batches[article.batch]?.part === 'tuning') return 'tuning';
  return `batch ${article.batch}`;
}

/** The part that pools every held-out batch: the figure a target is judged on. */
export const HELD_OUT = 'held-out, all batches';

/**
 * Every part of the labels, tuning first, then the held-out batches in the order the file describes
 * them, then all of them pooled.
 */
export function partsOf(labels: Labels): string[] {
  const heldOut = Object.entries(labels.batches).flatMap(([name, batch]) => (batch.part === 'held-out' ? [`batch ${name}`] : []));
  return heldOut.length === 0 ? ['tuning'] : ['tuning', ...heldOut, HELD_OUT];
}

/**
 * How far two readers agree on a facet: the second reading's precision and recall against the first,
 * over the articles read twice. No extractor can be measured more finely than this.
 */
export function readersAgreement(articles: readonly LabelledArticle[], facet: 'countries' | 'parties'): { articles: number; agreed: number; onlySecond: number; onlyFirst: number } {
  const readings = (article: LabelledArticle) =>
    facet === 'countries'
      ? { first: article.first_countries ?? article.countries, second: article.second_countries }
      : { first: article.first_parties ?? article.parties, second: article.second_parties };
  const readTwice = articles.filter((article) => readings(article).second !== undefined);
  let agreed = 0;
  let onlySecond = 0;
  let onlyFirst = 0;
  for (const article of readTwice) {
    const first = new Set(readings(article).first);
    const second = new Set(readings(article).second);
    const shared = [...second].filter((party) => first.has(party)).length;
    agreed += shared;
    onlySecond += second.size - shared;
    onlyFirst += first.size - shared;
  }
  return { articles: readTwice.length, agreed, onlySecond, onlyFirst };
}
