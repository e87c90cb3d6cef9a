import { sourcesConfig } from '../config/language-data.ts';
import { foldText } from '../vietnamese/index.ts';

interface SourceIndex {
  byKey: Map<string, string>;
  byDomain: Array<[domain: string, name: string]>;
}

let index: SourceIndex | undefined;

function sourceKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9+&]+/g, ' ')
    .trim();
}

function sourceIndex(): SourceIndex {
  if (index) return index;
  const byKey = new Map<string, string>();
  const byDomain: Array<[string, string]> = [];
  for (const source of sourcesConfig().sources) {
    for (const alias of [source.name, ...source.aliases, ...source.domains]) byKey.set(sourceKey(alias), source.name);
    for (const domain of source.domains) byDomain.push([domain.toLowerCase(), source.name]);
  }
  return (index = { byKey, byDomain });
}

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:[/:?#]|$)/i;

function domainOf(text: string): string | null {
  return DOMAIN.exec(text.trim())?.[1]?.toLowerCase() ?? null;
}

/** The canonical outlet a name, alias, domain or URL refers to, or null when it is not one we know. */
export function knownSource(raw: string): string | null {
  const { byKey, byDomain } = sourceIndex();
  const direct = byKey.get(sourceKey(raw));
  if (direct) return direct;
  const domain = domainOf(raw);
  if (domain === null) return null;
  const hit = byDomain.find(([known]) => domain === known || domain.endsWith(`.${known}`));
  return hit?.[1] ?? null;
}

/**
 * Canonical outlet for a byline or metadata value: a known outlet's canonical name; otherwise a bare
 * domain, or the value as written when `keepUnknown` (metadata says what it says).
 */
export function canonicalSource(raw: string, keepUnknown: boolean): string | null {
  const trimmed = raw.trim().replace(/[.,;:]+$/, '');
  if (trimmed === '') return null;
  return knownSource(trimmed) ?? domainOf(trimmed) ?? (keepUnknown ? trimmed : null);
}
