import { parse } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { httpUrl } from './http-url.ts';

const stringList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : value.split(/[,;]/)).map((item) => item.trim()).filter((item) => item !== ''));

/** Front matter fields that override extraction; anything else in the front matter is ignored. */
export const frontMatterSchema = z.object({
  title: z.coerce.string().trim().min(1).optional(),
  date: z.union([z.string(), z.number(), z.date()]).optional(),
  year: z.coerce.number().int().min(1000).max(9999).optional(),
  source: z.coerce.string().trim().min(1).optional(),
  url: z.string().trim().pipe(httpUrl).optional(),
  parties: stringList.optional(),
  countries: stringList.optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits `---` YAML front matter from a Markdown document and validates it. */
export function splitFrontMatter(text: string, file: string): { meta: FrontMatter; content: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { meta: {}, content: text };
  let raw: unknown;
  try {
    raw = parse(match[1]!) ?? {};
  } catch (error) {
    throw new InputError(`invalid YAML front matter: ${(error as Error).message}`, file, undefined, { cause: error });
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError('front matter is not a mapping', file);
  const result = frontMatterSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputError(`front matter field "${issue.path.join('.')}": ${issue.message}`, file);
  }
  return { meta: result.data, content: text.slice(match[0].length) };
}

/**
 * Markdown to plain lines, one block per line: the first `#` heading becomes the title hint;
 * links keep their text, images, HTML tags, code fences and emphasis marks go.
 */
export function markdownToText(markdown: string): { text: string; heading: string | null } {
  let heading: string | null = null;
  const lines: string[] = [];
  let inFence = false;
  for (const raw of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    let line = raw
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/(\*\*|__|\*|`)/g, '')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    const headingMatch = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (headingMatch) {
      line = headingMatch[2]!;
      if (heading === null && headingMatch[1] === '#') heading = line;
    }
    if (/^\s*([-*_=])\1{2,}\s*$/.test(line) || /^\s*\|?\s*:?-{3,}/.test(line)) continue;
    lines.push(line);
  }
  return { text: lines.join('\n'), heading };
}
