import { z } from 'zod';
import { InputError } from '../errors.ts';
import type { SearchDocument } from '../types/document.ts';
import { sourceHintsOf } from './boilerplate.ts';
import { NO_DATE, stampedDate } from './dates.ts';
import { resolveDate, resolveFacets, resolveSource } from './extract.ts';
import { httpUrl } from './http-url.ts';
import { normalizeText } from './text.ts';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === '' ? undefined : value.trim()));

const nameList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value) => (value == null ? undefined : (Array.isArray(value) ? value : value.split(/[,;]/)).map((item) => item.trim()).filter(Boolean)));

const recordSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String),
  title: z.string().trim().min(1),
  body: z.string(),
  sapo: optionalText,
  date: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((value) => value ?? undefined),
  year: z.coerce
    .number()
    .int()
    .min(1000)
    .max(9999)
    .nullish()
    .transform((value) => value ?? undefined),
  url: optionalText.pipe(httpUrl.optional()),
  source: optionalText,
  parties: nameList,
  countries: nameList,
});

function paragraphsOf(text: string): string[] {
  return normalizeText(text)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/**
 * One JSON Lines record (already parsed) to a document. Records are clean text, so nothing is
 * removed; the sapo becomes the lead paragraph. Metadata fields win over what the text says.
 */
export function recordToDocument(record: unknown, file: string, line: number): SearchDocument {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InputError('record is not a JSON object', file, line);
  }
  const result = recordSchema.safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || 'record';
    const missing = issue.path.length > 0 && (record as Record<string, unknown>)[String(issue.path[0])] == null;
    const problem = missing ? 'is required' : `is invalid: ${issue.message}`;
    throw new InputError(`field "${field}" ${problem}`, file, line);
  }
  const fields = result.data;
  const title = normalizeText(fields.title).replace(/\s+/g, ' ').trim();
  const paragraphs = paragraphsOf(fields.body);
  const sapo = paragraphsOf(fields.sapo ?? '').join(' ');
  if (sapo && !paragraphs[0]?.startsWith(sapo)) paragraphs.unshift(sapo);
  // An empty body is fine: the title is required, and a headline alone is worth finding (feeds carry video items with no text).
  const body = paragraphs.join('\n\n');
  const meta = { ...fields, date: fields.date };
  return {
    id: fields.id,
    title,
    body,
    ...resolveDate(meta, () => stampedDate(paragraphs) ?? NO_DATE),
    source: resolveSource(meta, sourceHintsOf(paragraphs)),
    url: fields.url ?? null,
    ...resolveFacets(meta, `${title}\n\n${body}`),
  };
}
