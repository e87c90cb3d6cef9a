import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';

export type LabelPart = 'tuning' | 'held-out';

/** An article is held out when the first byte of the SHA-256 of its id is divisible by 3 (a third). */
export function labelPart(id: string): LabelPart {
  return createHash('sha256').update(id).digest()[0]! % 3 === 0 ? 'held-out' : 'tuning';
}

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

const labelsSchema = z.object({ articles: z.array(labelledArticle) });

export type LabelledArticle = z.infer<typeof labelledArticle>;

export function loadLabels(path: string): LabelledArticle[] {
  return labelsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).articles;
}

/** The key a labelled article is held out by: its corpus id, or its file's name. */
export function labelKey(article: LabelledArticle): string {
  return article.id ?? basename(article.file!);
}

/**
 * The articles an evaluation counts: with a batch name, that batch's articles (a batch is held out
 * entirely); without one, the articles of no batch, split into tuning and held-out by labelPart.
 */
export function selectLabels(articles: LabelledArticle[], batch?: string): LabelledArticle[] {
  return articles.filter((article) => article.batch === batch);
}
