import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { CONFIG_DIR } from '../config/paths.ts';
import { foldText, normalizeForMatching, tokenize } from '../vietnamese/index.ts';
import type { SynonymMap } from './query.ts';
import { gazetteerConfig } from '../extraction/config.ts';

const synonymGroupsSchema = z.array(z.object({ canonical: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) }));

export type SynonymGroup = z.infer<typeof synonymGroupsSchema>[number];

/** How an alias is looked up: its folded words joined by single spaces. */
export function synonymKey(phrase: string): string {
  return tokenize(normalizeForMatching(phrase))
    .map((token) => foldText(token.text))
    .join(' ');
}

/** Alias → canonical phrases, and canonical → its aliases, so either finds the other. */
export function buildSynonymMap(groups: readonly SynonymGroup[]): SynonymMap {
  const map = new Map<string, string[]>();
  const add = (key: string, phrase: string) => {
    if (!key || key === synonymKey(phrase)) return;
    const phrases = map.get(key) ?? [];
    if (!phrases.includes(phrase)) map.set(key, [...phrases, phrase]);
  };
  for (const { canonical, aliases } of groups) {
    for (const alias of aliases) {
      add(synonymKey(alias), canonical);
      add(synonymKey(canonical), alias);
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
  return buildSynonymMap([...loadSynonymGroups(), ...gazetteerGroups()]);
}
