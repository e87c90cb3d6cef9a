import { boilerplateConfig, gazetteerConfig, type AliasConfig, type GazetteerConfig } from './config.ts';
import { isFunctionWord } from './boilerplate.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';
import { foldText } from '../vietnamese/index.ts';

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

/**
 * How an alias compares with the text: `folded` for aliases written in plain ASCII (`Campuchia`,
 * `Chile`), `accented` (any case, every diacritic) for Vietnamese ones, since folding would confuse
 * `Thụy Điển` with `thủy điện` and `Nhật Bản` with `nhất bạn`; `exact` adds case.
 */
type MatchMode = 'folded' | 'accented' | 'exact';

interface Pattern {
  /** The alias's tokens in the form its mode compares. */
  tokens: string[];
  mode: MatchMode;
  exact: boolean;
  /** Exact aliases that are words (not acronyms) can be part of names and get the name guard. */
  guarded: boolean;
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

/** Patterns by their first folded token, then by their second (`Đảng` heads ~200 party names). */
interface PatternIndex {
  oneToken: Pattern[];
  bySecondToken: Map<string, Pattern[]>;
}

interface Matcher {
  byFirstToken: Map<string, PatternIndex>;
  honorifics: Set<string>;
  placeWords: Set<string>;
  contextPhrases: string[][];
}

/** What may stand between two countries of an enumeration (`Mỹ, Anh`, `Pháp và Anh`, `Việt - Anh`). */
const ENUMERATION_GLUE = new Set([',', '-', '/', '&', 'va', 'hoac', 'voi']);

function aliasTexts(alias: AliasConfig): string {
  return typeof alias === 'string' ? alias : alias.text;
}

const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;

/**
 * `Cam-pu-chia` is also written `Campuchia` and `Cam pu chia`; two-part names only join up
 * (`Cu-ba` → `Cuba`: `cu ba` would also be `cụ bà`).
 */
function spellingVariants(text: string): string[] {
  const hyphens = text.match(INNER_HYPHEN)?.length ?? 0;
  if (hyphens === 0) return [text];
  const variants = [text, text.replace(INNER_HYPHEN, '')];
  if (hyphens >= 2) variants.push(text.replace(INNER_HYPHEN, ' '));
  return variants;
}

/** `CPP`, `ĐCSVN`, `CPI(M)`: written in capitals, so matched as written. */
function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && !/\s/.test(text.trim().replace(/\s*\(.*\)$/, ''));
}

function buildMatcher(config: GazetteerConfig): Matcher {
  const patterns = new Map<string, Pattern>();
  type AliasOptions = Pick<Pattern, 'exact' | 'context' | 'needsCountry'>;
  const add = (text: string, options: AliasOptions, entity: Entity | null) => {
    const acronym = isAcronym(text);
    const exact = options.exact || acronym;
    const mode: MatchMode = exact ? 'exact' : /[^\x00-\x7f]/.test(text) ? 'accented' : 'folded';
    const tokens = tokenize(text).map((token) => tokenForm(token, mode));
    if (tokens.length === 0) return;
    const key = `${mode}|${options.context}|${options.needsCountry}|${tokens.join(' ')}`;
    const pattern = patterns.get(key) ?? { ...options, mode, exact, guarded: exact && !acronym, tokens, entities: [] };
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

  const byFirstToken = new Map<string, PatternIndex>();
  for (const pattern of patterns.values()) {
    const first = foldText(pattern.tokens[0]!);
    const index: PatternIndex = byFirstToken.get(first) ?? { oneToken: [], bySecondToken: new Map() };
    if (pattern.tokens.length === 1) index.oneToken.push(pattern);
    else {
      const second = foldText(pattern.tokens[1]!);
      index.bySecondToken.set(second, [...(index.bySecondToken.get(second) ?? []), pattern]);
    }
    byFirstToken.set(first, index);
  }
  for (const index of byFirstToken.values()) {
    for (const list of index.bySecondToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }
  const lower = (words: string[]) => new Set(words.map((word) => word.toLowerCase()));
  return {
    byFirstToken,
    honorifics: lower(boilerplateConfig().honorifics),
    placeWords: lower(config.place_words),
    contextPhrases: config.country_context_words.map((phrase) => tokenize(phrase).map((token) => token.folded)),
  };
}

let defaultMatcher: Matcher | undefined;

function tokenForm(token: Token, mode: MatchMode): string {
  return mode === 'folded' ? token.folded : mode === 'exact' ? token.toned : token.accented;
}

function matchesAt(pattern: Pattern, tokens: Token[], at: number): boolean {
  if (at + pattern.tokens.length > tokens.length) return false;
  return pattern.tokens.every((expected, offset) => tokenForm(tokens[at + offset]!, pattern.mode) === expected);
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
    const index = token.kind === 'word' ? matcher.byFirstToken.get(token.folded) : undefined;
    const longer = index && at + 1 < tokens.length ? index.bySecondToken.get(tokens[at + 1]!.folded) : undefined;
    const candidates = index && (longer ? [...longer, ...index.oneToken] : index.oneToken);
    const pattern = candidates?.find(
      (candidate) =>
        matchesAt(candidate, tokens, at) &&
        !(candidate.guarded && looksLikeName(matcher, tokens, at, at + candidate.tokens.length)),
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
  const partyCountries = new Map<string, string>();
  for (const mention of mentions) {
    for (const entity of mention.pattern.entities) if (entity.country) partyCountries.set(entity.name, entity.country);
  }
  const addImpliedCountries = () => {
    for (const party of parties.keys()) {
      const country = partyCountries.get(party)!;
      if (!countries.has(country)) countries.set(country, 1);
    }
  };
  addImpliedCountries();
  for (const mention of mentions.filter((candidate) => candidate.pattern.needsCountry)) {
    const present = mention.pattern.entities.filter((entity) => countries.has(entity.country!));
    if (present.length === 1) bump(parties, present[0]!.name);
  }
  addImpliedCountries();
  return { parties: rankedNames(parties), countries: rankedNames(countries) };
}

/** Metadata names to canonical gazetteer names where they name one known entity; kept as given otherwise. */
export function canonicalFacetValues(values: readonly string[], kind: Entity['kind']): string[] {
  const names = values.map((value) => {
    const facets = extractFacets(value);
    const found = kind === 'party' ? facets.parties : facets.countries;
    return found.length === 1 ? found[0]! : value.trim();
  });
  return [...new Set(names.filter((name) => name !== ''))];
}
