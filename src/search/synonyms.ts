import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { CONFIG_DIR } from '../config/paths.ts';
import { foldText, isVietnameseSyllable, normalizeForMatching, tokenize } from '../vietnamese/index.ts';
import type { SynonymMap } from './query.ts';
import { gazetteerConfig } from '../config/language-data.ts';

const synonymGroupsSchema = z.array(z.object({ canonical: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) }));

export type SynonymGroup = z.infer<typeof synonymGroupsSchema>[number];

/** How an alias is looked up: its folded words joined by single spaces. */
export function synonymKey(phrase: string): string {
  return tokenize(normalizeForMatching(phrase))
    .map((token) => foldText(token.text))
    .join(' ');
}

/**
 * Whether an alias can stand for its canonical phrase in any query. A single Vietnamese syllable
 * cannot: folded, `Anh` (England) is also `anh` (brother) and `ánh` (light), `TƯ` is also `tư`.
 * Acronyms (`TQ`, `ĐCSVN`), longer names and foreign words can.
 */
export function isUnambiguousAlias(alias: string): boolean {
  const words = tokenize(alias);
  return words.length > 1 || (words.length === 1 && !isVietnameseSyllable(foldText(words[0]!.text)));
}

/**
 * Alias → canonical phrases. With `bothWays`, canonical → aliases too, for groups whose members
 * are interchangeable; parties and countries need only one way, because the index holds the
 * canonical name of every entity a document mentions, by whatever alias.
 */
export function buildSynonymMap(groups: readonly SynonymGroup[], bothWays = true): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, phrase: string) => {
    if (!key || key === synonymKey(phrase)) return;
    const phrases = map.get(key) ?? [];
    if (!phrases.includes(phrase)) map.set(key, [...phrases, phrase]);
  };
  for (const { canonical, aliases } of groups) {
    for (const alias of aliases) {
      if (!isUnambiguousAlias(alias)) continue;
      add(synonymKey(alias), canonical);
      if (bothWays) add(synonymKey(canonical), alias);
    }
  }
  return map;
}

export function loadSynonymGroups(path = join(CONFIG_DIR, 'synonyms.yaml')): SynonymGroup[] {
  const parsed = synonymGroupsSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** Groups from the gazetteer: each party and country with its aliases, except those that need context to mean it. */
function gazetteerGroups(): SynonymGroup[] {
  const { countries, parties } = gazetteerConfig();
  return [...countries, ...parties].flatMap(({ name, aliases }) => {
    const usable = aliases.flatMap((alias) => (typeof alias === 'string' ? [alias] : alias.context ? [] : [alias.text]));
    return usable.length > 0 ? [{ canonical: name, aliases: usable }] : [];
  });
}

/** The synonyms queries expand with: `config/synonyms.yaml` plus the gazetteer. */
export function loadSearchSynonyms(): SynonymMap {
  const map = buildSynonymMap(loadSynonymGroups());
  for (const [key, phrases] of buildSynonymMap(gazetteerGroups(), false)) map.set(key, [...new Set([...(map.get(key) ?? []), ...phrases])]);
  return map;
}
