import { boilerplateConfig, gazetteerConfig, type AliasConfig, type GazetteerConfig } from './config.ts';
import { isFunctionWord } from './boilerplate.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';

export interface Facets {
  parties: string[];
  countries: string[];
}

interface Entity {
  kind: 'party' | 'country';
  name: string;
  /** A party's country, which every mention of the party implies. */
  country: string | null;
}

interface Pattern {
  /** Folded tokens, or the tokens as written for `exact` aliases. */
  tokens: string[];
  exact: boolean;
  context: boolean;
  needsCountry: boolean;
  /** Empty for phrases that only block matches inside them (`Mỹ Latinh`). */
  entities: Entity[];
}

interface Mention {
  pattern: Pattern;
  start: number;
  end: number;
}

interface Matcher {
  byFirstToken: Map<string, Pattern[]>;
  honorifics: Set<string>;
  placeWords: Set<string>;
  contextPhrases: string[][];
}

const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', ':', ';', '…', '"', '“', '”', '•', '(', ')']);
/** What may stand between two countries of an enumeration (`Mỹ, Anh`, `Pháp và Anh`, `Việt - Anh`). */
const ENUMERATION_GLUE = new Set([',', '-', '/', '&', 'va', 'hoac', 'voi']);

function aliasTexts(alias: AliasConfig): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** `Cam-pu-chia` is also written `Campuchia` and `Cam pu chia`. */
function spellingVariants(text: string): string[] {
  if (!/\p{L}-\p{L}/u.test(text)) return [text];
  return [text, text.replace(/(?<=\p{L})-(?=\p{L})/gu, ''), text.replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')];
}

function buildMatcher(config: GazetteerConfig): Matcher {
  const patterns = new Map<string, Pattern>();
  const add = (text: string, options: Omit<Pattern, 'tokens' | 'entities'>, entity: Entity | null) => {
    const tokens = tokenize(text).map((token) => (options.exact ? token.text : token.folded));
    if (tokens.length === 0) return;
    const key = `${options.exact}|${options.context}|${options.needsCountry}|${tokens.join(' ')}`;
    const pattern = patterns.get(key) ?? { ...options, tokens, entities: [] };
    if (entity && !pattern.entities.some((known) => known.name === entity.name)) pattern.entities.push(entity);
    patterns.set(key, pattern);
  };
  const addEntity = (entity: Entity, aliases: AliasConfig[]) => {
    const texts = aliases.map(aliasTexts);
    const all: AliasConfig[] = texts.includes(entity.name) ? aliases : [entity.name, ...aliases];
    for (const alias of all) {
      const options =
        typeof alias === 'string'
          ? { exact: false, context: false, needsCountry: false }
          : { exact: alias.exact, context: alias.context, needsCountry: alias.needs_country };
      for (const variant of spellingVariants(aliasTexts(alias))) add(variant, options, entity);
    }
  };
  for (const country of config.countries) addEntity({ kind: 'country', name: country.name, country: null }, country.aliases);
  for (const party of config.parties) addEntity({ kind: 'party', name: party.name, country: party.country }, party.aliases);
  for (const phrase of config.not_entities) add(phrase, { exact: false, context: false, needsCountry: false }, null);

  const byFirstToken = new Map<string, Pattern[]>();
  for (const pattern of patterns.values()) {
    const first = pattern.exact ? tokenize(pattern.tokens[0]!)[0]!.folded : pattern.tokens[0]!;
    const list = byFirstToken.get(first) ?? [];
    list.push(pattern);
    byFirstToken.set(first, list);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const lower = (words: string[]) => new Set(words.map((word) => word.toLowerCase()));
  return {
    byFirstToken,
    honorifics: lower(boilerplateConfig().honorifics),
    placeWords: lower(config.place_words),
    contextPhrases: config.country_context_words.map((phrase) => tokenize(phrase).map((token) => token.folded)),
  };
}

let defaultMatcher: Matcher | undefined;

function matchesAt(pattern: Pattern, tokens: Token[], at: number): boolean {
  if (at + pattern.tokens.length > tokens.length) return false;
  return pattern.tokens.every((expected, offset) => {
    const token = tokens[at + offset]!;
    return pattern.exact ? token.text === expected : token.folded === expected;
  });
}

function isWord(token: Token | undefined): token is Token {
  return token?.kind === 'word';
}

function isNameWord(token: Token | undefined): boolean {
  return isWord(token) && isCapitalized(token.text) && !isFunctionWord(token.text) && !/^\d/.test(token.text);
}

/**
 * A short, exactly written alias (`Mỹ`, `Đức`, `Nga`, `Lào`) is also part of personal and place names
 * (`ông Đức`, `Phạm Đức Ấn`, `Hằng Nga`, `huyện Mỹ Đức`, `ở Lào Cai`). Reject it after an honorific,
 * a place word or another name word, and before a name word unless a lowercase head noun governs it
 * (`Tổng thống Mỹ Donald Trump`).
 */
function looksLikeName(matcher: Matcher, tokens: Token[], start: number, end: number): boolean {
  const previous = tokens[start - 1];
  const next = tokens[end];
  if (isWord(previous)) {
    const word = previous.text.toLowerCase();
    if (matcher.honorifics.has(word) || matcher.placeWords.has(word)) return true;
    if (isNameWord(previous)) return true;
  }
  if (isNameWord(next)) {
    const governed = isWord(previous) && !isCapitalized(previous.text) && !isFunctionWord(previous.text);
    return !governed;
  }
  return false;
}

function hasContextWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  return matcher.contextPhrases.some(
    (phrase) =>
      start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.folded === word),
  );
}

function findMentions(matcher: Matcher, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at]!;
    const candidates = token.kind === 'word' ? matcher.byFirstToken.get(token.folded) : undefined;
    const pattern = candidates?.find(
      (candidate) =>
        matchesAt(candidate, tokens, at) &&
        !(candidate.exact && looksLikeName(matcher, tokens, at, at + candidate.tokens.length)),
    );
    if (pattern) {
      if (pattern.entities.length > 0) mentions.push({ pattern, start: at, end: at + pattern.tokens.length });
      at += pattern.tokens.length;
    } else {
      at++;
    }
  }
  return mentions;
}

/** Only list glue (commas, `và`, dashes) stands between the two mentions. */
function enumerated(tokens: Token[], left: Mention, right: Mention): boolean {
  if (left.end > right.start || right.start - left.end > 2) return false;
  for (let i = left.end; i < right.start; i++) if (!ENUMERATION_GLUE.has(tokens[i]!.folded)) return false;
  return true;
}

function rankedNames(counts: Map<string, number>): string[] {
  // Map iteration order is first-mention order, which breaks ties.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/**
 * Parties and countries mentioned in a text, by canonical name, most mentioned first. A party implies
 * its country; context-bound aliases count only in context; `needs_country` party aliases count only
 * when exactly one of their candidate parties has its country mentioned.
 */
export function extractFacets(text: string, config?: GazetteerConfig): Facets {
  const matcher = config ? buildMatcher(config) : (defaultMatcher ??= buildMatcher(gazetteerConfig()));
  const tokens = tokenize(text);
  const mentions = findMentions(matcher, tokens);
  const countries = new Map<string, number>();
  const parties = new Map<string, number>();
  const bump = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);

  const isCountry = (mention: Mention) => mention.pattern.entities[0]!.kind === 'country';
  const plain = mentions.filter((mention) => !mention.pattern.context && !mention.pattern.needsCountry);
  const contextual = mentions.filter(
    (mention) =>
      mention.pattern.context &&
      (hasContextWord(matcher, tokens, mention.start) ||
        plain.some((other) => isCountry(other) && (enumerated(tokens, other, mention) || enumerated(tokens, mention, other)))),
  );
  for (const mention of [...plain, ...contextual].sort((a, b) => a.start - b.start)) {
    const entity = mention.pattern.entities[0]!;
    if (entity.kind === 'country') bump(countries, entity.name);
    else bump(parties, entity.name);
  }
  const impliedCountries = () => {
    for (const name of parties.keys()) {
      const country = matcher && partyCountry(mentions, name);
      if (country && !countries.has(country)) countries.set(country, 1);
    }
  };
  impliedCountries();
  for (const mention of mentions.filter((candidate) => candidate.pattern.needsCountry)) {
    const present = mention.pattern.entities.filter((entity) => entity.country !== null && countries.has(entity.country));
    if (present.length === 1) bump(parties, present[0]!.name);
  }
  return { parties: rankedNames(parties), countries: rankedNames(countries) };
}

function partyCountry(mentions: Mention[], party: string): string | null {
  for (const mention of mentions) {
    const entity = mention.pattern.entities.find((candidate) => candidate.name === party);
    if (entity) return entity.country;
  }
  return null;
}
