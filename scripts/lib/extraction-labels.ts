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
  const parsed = labelsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => [...issue.path, issue.message].join(': ')).join('; ')}`);
  return parsed.data;
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

/** Every part of the labels, tuning first, then the held-out batches in the order the file describes them. */
export function partsOf(labels: Labels): string[] {
  const heldOut = Object.entries(labels.batches).flatMap(([name, batch]) => (batch.part === 'held-out' ? [`batch ${name}`] : []));
  return ['tuning', ...heldOut];
}
