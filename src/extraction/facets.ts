import { boilerplateConfig, gazetteerConfig, type AliasConfig, type GazetteerConfig } from '../config/language-data.ts';
import { isFunctionWord } from './boilerplate.ts';
import { LINE_BREAK, nonArticlePositions, tokenizeLines } from './facet-spans.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';
import { foldText, isVietnameseSyllable } from '../vietnamese/index.ts';
import { lexiconWords } from '../vietnamese/segment.ts';

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
 * How an alias compares with the text: `folded` for foreign names written in plain ASCII
 * (`Campuchia`, `Chile`), `accented` (any case, every diacritic) for Vietnamese ones, since folding
 * would confuse `Thụy Điển` with `thủy điện` and `Nhật Bản` with `nhất bạn`; an alias of
 * Vietnamese syllables without marks is Vietnamese too (`Trung Hoa` is not `trung hòa`, `Nga` not
 * `ngà`); `exact` adds case.
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
  /** Also a club's name: in a text about sport it counts as a `context` alias does. */
  club: boolean;
  /** A capital: the country only where it stands for the government, not as a place. */
  seat: boolean;
  /** The alias as written, for composing it with a country (`Đảng Dân chủ Tự do` + `Anh`). */
  text: string;
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
  sportsCues: string[][];
  seatPlaceWords: string[][];
  styleWords: string[][];
  creditWords: Set<string>;
  partyStanceWords: string[][];
  partyMemberWords: string[][];
  /** Party aliases that name one party only, to it: `Đảng Minjoo`, `Đảng Saenuri`. */
  partyByUniqueName: Map<string, string>;
  partyNamingWords: Set<string>;
  /** Acronym aliases of parties, folded, to the party: `Ukip` is `UKIP`. */
  partyByAcronym: Map<string, string>;
  /** Accented, lowercase: `đảng`, never `đắng` or `đang`. */
  partyHeads: Set<string>;
  directionWords: Set<string>;
  partyHeadBlockers: Set<string>;
  partyOrganWords: Set<string>;
  /** Every party name and alias, folded, to its canonical name: how composed names are canonicalized. */
  partyByName: Map<string, string>;
  /** Party names written without a country (`Đảng Cộng hòa`), folded, to each country's party of that name. */
  partyByBareName: Map<string, Map<string, string>>;
  /** Each party's name and aliases, as name keys. */
  partyNames: Map<string, string[]>;
  /** Two-syllable words of party names (`tự do`, `dân chủ`): a name keeps the second even where it is a function word (`do`). */
  partyNameWords: Set<string>;
  partyCountry: Map<string, string>;
  relatedLinkCues: string[][];
  singlePartyCountries: Set<string>;
  /** Words of two syllables (accented, lowercase): `chính quyền` in `chính quyền Anh`. */
  twoSyllableWords: Set<string>;
  /** The common ones, which the lexicon writes in lowercase (`nổi tiếng`). */
  commonTwoSyllableWords: Set<string>;
  /** Words of a lowercase syllable and a capitalised one, as written (`quyền Anh`, `gió Lào`). */
  wordsEndingInName: Set<string>;
  geographicWords: string[][];
  territoryWords: string[][];
  currencyWords: string[][];
  /** Heads as written (case counts: `Giải Bóng bầu dục`, not `giải pháp`). */
  nameHeads: string[][];
  languageWords: string[][];
  partyMemberTitles: string[][];
  partyMemberNouns: string[][];
  /** Parties' one-word foreign names (`Ennahda`, `Likud`), folded and in lowercase, to the party. */
  partyByForeignWord: Map<string, string>;
  /** Every country's name and alias, as name keys. */
  countryNames: Set<string>;
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

/**
 * Marked letters, or Vietnamese syllables apart: an alias to compare with every diacritic. A
 * hyphenated transliteration (`Cam-pu-chia`) is a foreign name, written with or without marks.
 */
function isWrittenInVietnamese(alias: string): boolean {
  if (/[^\x00-\x7f]/.test(alias)) return true;
  if (alias.includes('-')) return false;
  const words = tokenize(alias).filter((token) => token.kind === 'word');
  return words.length > 0 && words.every((token) => isVietnameseSyllable(token.text.toLowerCase()));
}

/** The lexicon's words of two syllables, in the forms the guards compare. */
function lexiconPairs(): Pick<Matcher, 'twoSyllableWords' | 'commonTwoSyllableWords' | 'wordsEndingInName'> {
  const pairs = lexiconWords()
    .map((word) => tokenize(word))
    .filter((words) => words.length === 2);
  const key = (words: Token[]) => `${words[0]!.accented} ${words[1]!.accented}`;
  return {
    twoSyllableWords: new Set(pairs.map(key)),
    commonTwoSyllableWords: new Set(pairs.filter((words) => !isCapitalized(words[0]!.text) && !isCapitalized(words[1]!.text)).map(key)),
    wordsEndingInName: new Set(pairs.filter((words) => !isCapitalized(words[0]!.text) && isCapitalized(words[1]!.text)).map((words) => `${words[0]!.toned} ${words[1]!.toned}`)),
  };
}

function buildMatcher(config: GazetteerConfig): Matcher {
  const patterns = new Map<string, Pattern>();
  type AliasOptions = Pick<Pattern, 'exact' | 'context' | 'needsCountry' | 'club' | 'seat'>;
  const add = (text: string, options: AliasOptions, entity: Entity | null) => {
    const acronym = isAcronym(text);
    const exact = options.exact || acronym;
    const mode: MatchMode = exact ? 'exact' : isWrittenInVietnamese(text) ? 'accented' : 'folded';
    const tokens = tokenize(text).map((token) => tokenForm(token, mode));
    if (tokens.length === 0) return;
    // A one-word country name is also part of names of people, clubs and things (`Michael Jordan`, `AS Monaco`).
    const guarded = !acronym && (exact || (tokens.length === 1 && entity?.kind === 'country'));
    const key = `${mode}|${options.context}|${options.needsCountry}|${options.club}|${options.seat}|${tokens.join(' ')}`;
    const pattern = patterns.get(key) ?? { ...options, text, mode, exact, guarded, tokens, entities: [] };
    if (entity && !pattern.entities.some((known) => known.name === entity.name)) pattern.entities.push(entity);
    patterns.set(key, pattern);
  };
  const addEntity = (entity: Entity, aliases: AliasConfig[]) => {
    const texts = aliases.map(aliasTexts);
    const all: AliasConfig[] = texts.includes(entity.name) ? aliases : [entity.name, ...aliases];
    for (const alias of all) {
      const options =
        typeof alias === 'string'
          ? { exact: false, context: false, needsCountry: false, club: false, seat: false }
          : { exact: alias.exact, context: alias.context, needsCountry: alias.needs_country, club: alias.club, seat: alias.seat };
      // A party's acronym is also a TV channel's or a plan's (`kênh ANC`): it needs the party's country.
      if (entity.kind === 'party' && isAcronym(aliasTexts(alias))) options.needsCountry = true;
      for (const variant of spellingVariants(aliasTexts(alias))) add(variant, options, entity);
    }
  };
  for (const country of config.countries) addEntity({ kind: 'country', name: country.name, country: null }, country.aliases);
  for (const party of config.parties) addEntity({ kind: 'party', name: party.name, country: party.country }, party.aliases);
  for (const phrase of config.not_entities) add(phrase, { exact: false, context: false, needsCountry: false, club: false, seat: false }, null);

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
  const phrases = (words: string[]) => words.map((phrase) => tokenize(phrase).map((token) => token.folded));
  const partyByName = new Map<string, string>();
  const partyByAcronym = new Map<string, string>();
  for (const party of config.parties) {
    for (const alias of [party.name, ...party.aliases.map(aliasTexts)]) {
      partyByName.set(nameKey(alias), party.name);
      if (isAcronym(alias)) partyByAcronym.set(foldText(alias), party.name);
    }
  }
  const partiesByName = new Map<string, Set<string>>();
  for (const party of config.parties) {
    for (const alias of [party.name, ...party.aliases.map(aliasTexts)]) partiesByName.set(nameKey(alias), (partiesByName.get(nameKey(alias)) ?? new Set()).add(party.name));
  }
  const partyByBareName = new Map<string, Map<string, string>>();
  for (const party of config.parties) {
    for (const alias of party.aliases) {
      if (typeof alias === 'string' || !alias.needs_country) continue;
      const byCountry = partyByBareName.get(nameKey(alias.text)) ?? new Map<string, string>();
      partyByBareName.set(nameKey(alias.text), byCountry.set(party.country, party.name));
    }
  }
  const partyByUniqueName = new Map([...partiesByName].filter(([, names]) => names.size === 1).map(([key, names]) => [key, [...names][0]!]));
  const accentedPhrases = (words: string[]) => words.map((phrase) => tokenize(phrase).map((token) => token.accented));
  return {
    byFirstToken,
    honorifics: lower(boilerplateConfig().honorifics),
    placeWords: lower(config.place_words),
    contextPhrases: phrases(config.country_context_words),
    sportsCues: phrases(config.sports_cues),
    seatPlaceWords: accentedPhrases(config.seat_place_words),
    styleWords: accentedPhrases(config.style_words),
    creditWords: new Set(config.credit_words.map((word) => foldText(word))),
    partyStanceWords: accentedPhrases(config.party_stance_words),
    partyMemberWords: accentedPhrases(config.party_member_words),
    partyByUniqueName,
    partyNamingWords: new Set(config.party_naming_words.map((word) => nameKey(word))),
    partyByAcronym,
    partyHeads: new Set(config.party_heads.map((word) => nameKey(word))),
    directionWords: lower(config.direction_words),
    partyHeadBlockers: new Set(config.party_head_blockers.map((word) => nameKey(word))),
    partyOrganWords: new Set(config.party_organ_words.map((word) => foldText(word))),
    partyByName,
    partyByBareName,
    partyNames: new Map(config.parties.map((party) => [party.name, [party.name, ...party.aliases.map(aliasTexts)].map(nameKey)])),
    partyNameWords: partyNameWords(config),
    partyCountry: new Map(config.parties.map((party) => [party.name, party.country])),
    relatedLinkCues: accentedPhrases(config.related_link_cues),
    singlePartyCountries: new Set(config.single_party_countries),
    ...lexiconPairs(),
    geographicWords: accentedPhrases(config.geographic_words),
    territoryWords: accentedPhrases(config.territory_words),
    currencyWords: accentedPhrases(config.currency_words),
    nameHeads: config.name_heads.map((phrase) => tokenize(phrase).map((token) => token.toned)),
    languageWords: accentedPhrases(config.language_words),
    partyMemberTitles: accentedPhrases(config.party_member_titles),
    partyMemberNouns: accentedPhrases(config.party_member_nouns),
    partyByForeignWord: partyForeignWords(config),
    countryNames: new Set(config.countries.flatMap((country) => [country.name, ...country.aliases.map(aliasTexts)].map(nameKey))),
  };
}

/** Foreign words long enough to tell apart by more than a letter, alone or after a party head (`Đảng Likud`), to their party. */
function partyForeignWords(config: GazetteerConfig): Map<string, string> {
  const heads = new Set(config.party_heads.map((head) => foldText(head).toLowerCase()));
  const words = new Map<string, string>();
  for (const party of config.parties) {
    for (const alias of [party.name, ...party.aliases.map(aliasTexts)]) {
      const name = tokenize(alias).filter((token) => token.kind === 'word' && !heads.has(token.folded.toLowerCase()));
      const word = name[0]?.text;
      if (name.length === 1 && word && word.length >= 6 && !isAcronym(word) && !isVietnameseSyllable(word)) words.set(foldText(word).toLowerCase(), party.name);
    }
  }
  return words;
}

/** The party whose one-word foreign name differs from `word` by one letter added, dropped or changed. */
function misspeltForeignName(matcher: Matcher, word: string): string | undefined {
  const folded = foldText(word).toLowerCase();
  if (folded.length < 6) return undefined;
  for (const [name, party] of matcher.partyByForeignWord) if (differByOneLetter(folded, name)) return party;
  return undefined;
}

function differByOneLetter(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return endA - start <= 1 && endB - start <= 1;
}

/** Every capitalised syllable and the lowercase one after it in the gazetteer's party names (`Tự do`, `Dân chủ`), accented. */
function partyNameWords(config: GazetteerConfig): Set<string> {
  const words = new Set<string>();
  for (const party of config.parties) {
    for (const name of [party.name, ...party.aliases.map(aliasTexts)]) {
      const tokens = tokenize(name);
      tokens.forEach((token, at) => {
        const next = tokens[at + 1];
        if (isCapitalized(token.text) && next && !isCapitalized(next.text)) words.add(`${token.accented} ${next.accented}`);
      });
    }
  }
  return words;
}

let defaultMatcher: Matcher | undefined;
/** A gazetteer given in memory is compiled once per object. */
const matchers = new WeakMap<GazetteerConfig, Matcher>();

function matcherFor(config: GazetteerConfig): Matcher {
  const matcher = matchers.get(config) ?? buildMatcher(config);
  matchers.set(config, matcher);
  return matcher;
}

function nameKey(text: string): string {
  return tokenize(text)
    .filter((token) => token.kind === 'word')
    .map((token) => token.accented)
    .join(' ');
}

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

/** A capitalised word that is not a function word or a code (`U23`, `400MP`). */
function isNameWord(token: Token | undefined): boolean {
  return isWord(token) && isCapitalized(token.text) && !isFunctionWord(token.text) && !/\d/.test(token.text);
}

/** `Cai6` in `Lào Cai6.`: a name word with a list number glued to it. */
function isNumberedNameWord(token: Token | undefined): boolean {
  return isWord(token) && /^\p{Lu}\p{Ll}+\d+$/u.test(token.text);
}

/** `400MP`, `6GB`, `T880`, `MT6750`: how model numbers are written (an age group such as `U23` is not one). */
function isModelNumber(token: Token | undefined): boolean {
  return isWord(token) && (/^\d+\p{L}+$/u.test(token.text) || /^\p{L}+\d{3,}/u.test(token.text));
}

/** A lowercase content word right before the mention governs it: `đến Anh`, `báo giới Anh`. */
function isGoverned(matcher: Matcher, tokens: Token[], start: number): boolean {
  const previous = tokens[start - 1];
  if (!isWord(previous) || isCapitalized(previous.text) || /\d/.test(previous.text)) return false;
  const word = previous.text.toLowerCase();
  return !matcher.honorifics.has(word) && !matcher.placeWords.has(word);
}

/**
 * A short, exactly written alias (`Mỹ`, `Đức`, `Nga`, `Lào`) is also part of personal and place names
 * (`ông Đức`, `Phạm Đức Ấn`, `Hằng Nga`, `huyện Mỹ Đức`, `ở Lào Cai`). Reject it after an honorific,
 * a place word, an initial (`M.Đức`) or another name word, and before a name word unless a lowercase
 * head noun governs it and the name is not Vietnamese (`Tổng thống Mỹ Donald Trump`, not `nhạc sĩ Đức
 * Huy`).
 */
function looksLikeName(matcher: Matcher, tokens: Token[], start: number, end: number): boolean {
  const previous = tokens[start - 1];
  const next = tokens[end];
  if (hasContextWord(matcher, tokens, start)) return false;
  if (isWord(previous)) {
    const word = previous.text.toLowerCase();
    if (matcher.honorifics.has(word) || matcher.placeWords.has(word)) return true;
    if (isNameWord(previous) && !matcher.directionWords.has(word)) return true;
  }
  // `Ảnh: M.Đức`: after an initial.
  if (previous?.text === '.' && isWord(tokens[start - 2]) && /^\p{Lu}$/u.test(tokens[start - 2]!.text)) return true;
  if (isNameWord(next) || isNumberedNameWord(next)) {
    const governed = isWord(previous) && !isCapitalized(previous.text) && !isFunctionWord(previous.text);
    // `nhạc sĩ Đức Huy`, `Mầm non Mỹ Thanh`: a Vietnamese name goes on; `nhà báo Mỹ John Smith`, `gốc Argentina Đỗ Merlo` are of the country.
    const vietnameseName = isVietnameseSyllable(tokens[start]!.text) && isVietnameseSyllable(next!.text);
    return !governed || vietnameseName;
  }
  return false;
}

/** `đảng bảo thủ Những người Cộng hòa`: a party's name written in lowercase before a capitalised name is a stance. */
function describesBeforeName(matcher: Matcher, pattern: Pattern, tokens: Token[], at: number, end: number): boolean {
  if (pattern.entities[0]?.kind !== 'party' || !matcher.partyHeads.has(tokens[at]!.accented) || end <= at + 1) return false;
  const described = isCapitalized(pattern.text.split(' ')[1] ?? '') && !isCapitalized(tokens[at + 1]!.text);
  return described && isWord(tokens[end]) && isCapitalized(tokens[end]!.text) && !startsCountry(matcher, tokens, end);
}

/** The countries of capitals the text names as places (`tại Vienna`, `tây bắc Washington`). */
function seatsAsPlaces(matcher: Matcher, tokens: Token[]): Set<string> {
  const places = new Set<string>();
  tokens.forEach((token, at) => {
    const index = isWord(token) ? matcher.byFirstToken.get(token.folded) : undefined;
    if (!index) return;
    const longer = index.bySecondToken.get(tokens[at + 1]?.folded ?? '') ?? [];
    const seat = longer.find((pattern) => pattern.seat && matchesAt(pattern, tokens, at)) ?? index.oneToken.find((pattern) => pattern.seat && matchesAt(pattern, tokens, at));
    if (seat && precededBy(matcher.seatPlaceWords, tokens, at)) places.add(seat.entities[0]!.name);
  });
  return places;
}

/** `VN-Index`, `TQ-Express`: an acronym joined by a dash to a foreign word that is no country names a thing. */
function namesAnIndex(matcher: Matcher, tokens: Token[], end: number): boolean {
  const word = tokens[end + 1];
  return tokens[end]?.kind === 'dash' && isWord(word) && isCapitalized(word.text) && !isVietnameseSyllable(word.text) && !startsCountry(matcher, tokens, end + 1);
}

/** A country alias starts at `at` (guards aside). */
function startsCountry(matcher: Matcher, tokens: Token[], at: number): boolean {
  const token = tokens[at];
  const index = isWord(token) ? matcher.byFirstToken.get(token.folded) : undefined;
  if (!index) return false;
  const longer = index.bySecondToken.get(tokens[at + 1]?.folded ?? '') ?? [];
  return [...longer, ...index.oneToken].some((pattern) => pattern.entities[0]?.kind === 'country' && matchesAt(pattern, tokens, at));
}

/**
 * `quyền Anh`, `gió Lào`: a short name that ends a word the lexicon writes so, after a lowercase
 * syllable, unless that syllable ends a word of its own (`chính quyền Anh`).
 */
function isCommonWordEnd(matcher: Matcher, tokens: Token[], at: number): boolean {
  const [previous, before] = [tokens[at - 1], tokens[at - 2]];
  if (!isWord(previous) || !matcher.wordsEndingInName.has(`${previous.toned} ${tokens[at]!.toned}`)) return false;
  const pairs = (left: Token | undefined, right: Token | undefined) => isWord(left) && isWord(right) && matcher.twoSyllableWords.has(`${left.accented} ${right.accented}`);
  // In `Tổ chức quyền Anh`, `chức` is taken by `Tổ chức`.
  return !(pairs(before, previous) && !pairs(tokens[at - 3], before));
}

/** One of the phrases (accented, lowercase) ends right before `start`: `tại` Vienna, `xì gà` Cuba. */
function precededBy(phrases: string[][], tokens: Token[], start: number): boolean {
  return phrases.some((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.accented === word));
}

/** `biển Nhật Bản`, `gió Lào`: part of a geographic name; `vùng biển Nhật Bản` (its waters) is the state's. */
function isGeographicName(matcher: Matcher, tokens: Token[], at: number): boolean {
  return precededBy(matcher.geographicWords, tokens, at) && !precededBy(matcher.territoryWords, tokens, at);
}

/** A head phrase (as written, case counting) that ends right before `at`. */
function headEndingAt(matcher: Matcher, tokens: Token[], at: number): string[] | undefined {
  return matcher.nameHeads.find((head) => at >= head.length && head.every((word, offset) => tokens[at - head.length + offset]!.toned === word));
}

/**
 * A country at the end of a contest's, title's or publication's name (`Hoa hậu Việt Nam`, `Miss Áo
 * dài Nữ sinh Việt Nam`, `Giải Bóng bầu dục quốc gia Mỹ`): a name head, then a capitalised name of
 * content words, then the country. A head that is also a context word makes the country when it
 * stands right before it (`Nữ hoàng Anh`), and a lowercase word after the head makes a phrase, not
 * a name (`Giải pháp cho Việt Nam`).
 */
function endsNamedWork(matcher: Matcher, tokens: Token[], at: number): boolean {
  const direct = headEndingAt(matcher, tokens, at);
  if (direct) return !hasContextWord(matcher, tokens, at);
  for (let start = at - 1; start >= 0 && start >= at - 6; start--) {
    const token = tokens[start]!;
    // A function word may be a syllable of a capitalised word (`Hàng không`), never a word of its own (`Giải pháp cho`).
    const syllableOfName = isWord(tokens[start - 1]) && isCapitalized(tokens[start - 1]!.text);
    if (!isWord(token) || (isFunctionWord(token.text) && !syllableOfName) || /^\d+$/.test(token.text)) return false;
    if (isCapitalized(token.text) && headEndingAt(matcher, tokens, start)) return true;
  }
  return false;
}

/**
 * `Vietnam Airlines`, `Vietnam Idol`, `Japan Times`: a country's English name (not the name
 * Vietnamese writes) before a foreign name word opens an English name, unless a context word makes
 * it the state.
 */
function opensEnglishName(matcher: Matcher, pattern: Pattern, tokens: Token[], start: number, end: number): boolean {
  const entity = pattern.entities[0];
  if (entity?.kind !== 'country' || pattern.mode !== 'folded' || foldText(pattern.text) === foldText(entity.name)) return false;
  const next = tokens[end];
  return isWord(next) && isNameWord(next) && next.text !== next.text.toUpperCase() && !isVietnameseSyllable(next.text) && !hasContextWord(matcher, tokens, start);
}

/** `Vietnam's Next Top Model`: a possessive that opens an English title, of which the country is a part. */
function opensEnglishTitle(tokens: Token[], end: number): boolean {
  return ["'", '’'].includes(tokens[end]?.text ?? '') && tokens[end + 1]?.text === 's' && isNameWord(tokens[end + 2]);
}

/**
 * A capital inside a person's or an event's name: after a Vietnamese name word (`ĐB Lưu Bình
 * Nhưỡng`), before a foreign one (`Rome Masters`, `Washington Post`) or a year (`triển lãm Geneva 2017`).
 */
function seatInName(tokens: Token[], start: number, end: number): boolean {
  const [previous, next] = [tokens[start - 1], tokens[end]];
  if (/^(19|20)\d\d$/.test(next?.text ?? '')) return true;
  if (isWord(previous) && isNameWord(previous) && previous.text !== previous.text.toUpperCase() && isVietnameseSyllable(previous.text)) return true;
  return isWord(next) && isNameWord(next) && next.text !== next.text.toUpperCase() && !isVietnameseSyllable(next.text);
}

/** `SPS-40`, `PVV-Vinapharm`: an acronym joined to a number or a foreign name is a model or a company, not the party. */
function joinsForeignName(tokens: Token[], end: number): boolean {
  const [dash, next] = [tokens[end], tokens[end + 1]];
  if (dash?.kind !== 'dash' || !isWord(next)) return false;
  return /\d/.test(next.text) || (isCapitalized(next.text) && next.text !== next.text.toUpperCase() && !isVietnameseSyllable(next.text));
}

/**
 * Abbreviations of known parties that the text defines for something else (`Kế hoạch năng lượng
 * sạch (CPP)`): no party's name or head stands right before the parenthesis, nor words of the
 * party's own names (`liên minh cầm quyền Dân chủ Tự do (LDP)`).
 */
function abbreviationsOfOtherThings(matcher: Matcher, tokens: Token[], mentions: Mention[]): Set<string> {
  const partyEnds = new Set(mentions.filter((mention) => mention.pattern.entities[0]?.kind === 'party').map((mention) => mention.end));
  const others = new Set<string>();
  for (let at = 1; at < tokens.length; at++) {
    const abbreviation = abbreviationAt(tokens, at);
    const party = abbreviation === null ? undefined : matcher.partyByAcronym.get(foldText(abbreviation));
    if (abbreviation === null || party === undefined || partyEnds.has(at) || !isWord(tokens[at - 1])) continue;
    const before = tokens.slice(Math.max(0, at - 12), at);
    const lastWords = nameKey(
      tokens
        .slice(Math.max(0, at - 2), at)
        .map((token) => token.text)
        .join(' '),
    );
    const ownWords = (matcher.partyNames.get(party) ?? []).some((name) => ` ${name} `.includes(` ${lastWords} `));
    if (!ownWords && !before.some((token) => matcher.partyHeads.has(token.accented))) others.add(abbreviation);
  }
  return others;
}

/** `VOV.VN`: an acronym after a dot that follows a word in capitals ends a domain name (an outlet's byline). */
function isDomainTail(tokens: Token[], at: number): boolean {
  const [dot, before] = [tokens[at - 1], tokens[at - 2]];
  return dot?.text === '.' && isWord(before) && before.text === before.text.toUpperCase() && /\p{L}/u.test(before.text);
}

/** Token positions inside credits in parentheses (`(Ảnh: Trần Long/Vietnam+)`, `(Nguồn: AFP/TTXVN)`). */
function creditPositions(matcher: Matcher, tokens: Token[]): Set<number> {
  const inside = new Set<number>();
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (tokens[at]!.text !== '(' || !matcher.creditWords.has(tokens[at + 1]!.folded) || tokens[at + 2]!.text !== ':') continue;
    // A credit is short (`Trần Long/Vietnam+`); a longer parenthesis after `Ảnh:` is a caption, which is text.
    let close = at + 3;
    while (close < tokens.length && close < at + 12 && tokens[close]!.text !== ')') close++;
    if (tokens[close]?.text !== ')') continue;
    for (let inner = at + 3; inner < close; inner++) inside.add(inner);
  }
  return inside;
}

function hasContextWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  return matcher.contextPhrases.some((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.folded === word));
}

function findMentions(matcher: Matcher, tokens: Token[], blocked?: Set<number>): Mention[] {
  const mentions: Mention[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at]!;
    const index = token.kind === 'word' ? matcher.byFirstToken.get(token.folded) : undefined;
    const longer = index && at + 1 < tokens.length ? index.bySecondToken.get(tokens[at + 1]!.folded) : undefined;
    const candidates = index && (longer ? [...longer, ...index.oneToken] : index.oneToken);
    const pattern = candidates?.find((candidate) => {
      if (!matchesAt(candidate, tokens, at)) return false;
      const end = at + candidate.tokens.length;
      const model = tokens[end]?.kind === 'dash' ? tokens[end + 1] : tokens[end];
      if (candidate.entities[0]?.kind === 'country' && isModelNumber(model)) return false;
      if (candidate.seat && precededBy(matcher.seatPlaceWords, tokens, at)) return false;
      if (isAcronym(candidate.text) && (isDomainTail(tokens, at) || joinsForeignName(tokens, end))) return false;
      if (candidate.entities[0]?.kind === 'country' && afterWordOf(matcher, matcher.styleWords, tokens, at)) return false;
      if (candidate.entities[0]?.kind === 'country' && (isGeographicName(matcher, tokens, at) || endsNamedWork(matcher, tokens, at) || opensEnglishTitle(tokens, end))) return false;
      if (candidate.seat && seatInName(tokens, at, end)) return false;
      if (opensEnglishName(matcher, candidate, tokens, at, end)) return false;
      if (candidate.exact && candidate.tokens.length === 1 && isCommonWordEnd(matcher, tokens, at)) return false;
      if (describesBeforeName(matcher, candidate, tokens, at, end)) return false;
      if (candidate.entities[0]?.kind === 'country' && isAcronym(candidate.text) && namesAnIndex(matcher, tokens, end)) return false;
      return !(candidate.guarded && looksLikeName(matcher, tokens, at, end));
    });
    if (pattern) {
      if (pattern.entities.length > 0) mentions.push({ pattern, start: at, end: at + pattern.tokens.length });
      else for (let inside = at; inside < at + pattern.tokens.length; inside++) blocked?.add(inside);
      at += pattern.tokens.length;
    } else {
      at++;
    }
  }
  return mentions;
}

/**
 * `anh là ca sĩ ... Anh có thể chia sẻ`: a text that uses a context-bound name's word in lowercase
 * (the pronoun `anh`, `áo` for clothes) again and again reads its capitalised form as that word too,
 * unless a context word or a list of countries says otherwise.
 */
function writesAsCommonWord(tokens: Token[], mention: Mention): boolean {
  const word = tokens[mention.start]!.toned.toLowerCase();
  return mention.end - mention.start === 1 && tokens.filter((token) => token.toned === word).length >= COMMON_WORD_USES;
}

const COMMON_WORD_USES = 3;

/** `London (Anh)`, `Đại học Coventry (Anh)`: a country alone in parentheses after a name places it. */
function placesInParentheses(tokens: Token[], mention: Mention): boolean {
  return tokens[mention.start - 1]?.text === '(' && tokens[mention.end]?.text === ')' && isNameWord(tokens[mention.start - 2]);
}

/**
 * Mentions that name a language or a person rather than the state: a country after a language word
 * and the countries listed after it (`tiếng Tây Ban Nha, Bồ Đào Nha`); a one-word name that the text
 * also writes as a person's given name (`Nguyễn Thị Nga` ... `Nga đã bỏ trốn`), unless a context word
 * or a list of countries makes it the state.
 */
function withoutNonStateMentions(matcher: Matcher, tokens: Token[], mentions: Mention[]): Mention[] {
  const languages = new Set<Mention>();
  mentions.forEach((mention, index) => {
    const previous = mentions[index - 1];
    if (afterWordOf(matcher, matcher.languageWords, tokens, mention.start) || (previous && languages.has(previous) && enumerated(tokens, previous, mention))) {
      languages.add(mention);
    }
  });
  const givenNames = givenNamesIn(matcher, tokens, mentions);
  return mentions.filter((mention, index) => {
    if (languages.has(mention)) return false;
    if (!givenNames.has(mention.pattern) || hasContextWord(matcher, tokens, mention.start)) return true;
    const [previous, next] = [mentions[index - 1], mentions[index + 1]];
    return (previous !== undefined && enumerated(tokens, previous, mention)) || (next !== undefined && enumerated(tokens, mention, next));
  });
}

/** `tiếng Đức`, `(giờ Việt Nam)`, but not `rapper nổi tiếng Hàn Quốc`, `bây giờ Mỹ`: one of the phrases, not the end of another word. */
function afterWordOf(matcher: Matcher, phrases: string[][], tokens: Token[], start: number): boolean {
  const phrase = phrases.find((words) => precededBy([words], tokens, start));
  const before = phrase ? tokens[start - phrase.length - 1] : undefined;
  return phrase !== undefined && !(isWord(before) && matcher.commonTwoSyllableWords.has(`${before.accented} ${phrase[0]}`));
}

/** One-word country names that end a Vietnamese full name in the text (`Nguyễn Thị Nga`): that person's given name. */
function givenNamesIn(matcher: Matcher, tokens: Token[], mentions: Mention[]): Set<Pattern> {
  const oneWord = new Map<string, Pattern>();
  for (const mention of mentions) if (mention.pattern.guarded && mention.pattern.tokens.length === 1) oneWord.set(mention.pattern.tokens[0]!, mention.pattern);
  const names = new Set<Pattern>();
  if (oneWord.size === 0) return names;
  for (let at = 2; at < tokens.length; at++) {
    const pattern = oneWord.get(tokens[at]!.toned);
    // `Vũ Thị Mỹ Ngọc`: a middle name is no given name.
    if (pattern && isVietnameseNameWord(matcher, tokens[at - 2]) && isVietnameseNameWord(matcher, tokens[at - 1]) && !isNameWord(tokens[at + 1])) names.add(pattern);
  }
  return names;
}

/** A capitalised Vietnamese syllable of a person's name; `Viễn Đông Nga`, `miền Tây Nam Mỹ`: a direction places within the country. */
function isVietnameseNameWord(matcher: Matcher, token: Token | undefined): boolean {
  return isWord(token) && isNameWord(token) && isVietnameseSyllable(token.text) && token.text !== token.text.toUpperCase() && !matcher.directionWords.has(token.text.toLowerCase());
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

function hasPhrase(tokens: Token[], phrase: string[]): boolean {
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (phrase.every((word, offset) => tokens[at + offset]!.folded === word)) return true;
  }
  return false;
}

function isAboutSport(matcher: Matcher, tokens: Token[]): boolean {
  // A cue whose words the text lacks is not looked for: one pass over the text, not one per cue.
  const words = new Set(tokens.map((token) => token.folded));
  let found = 0;
  for (const cue of matcher.sportsCues) if (cue.every((word) => words.has(word)) && hasPhrase(tokens, cue) && ++found >= 2) return true;
  return false;
}

/** `đảng Dân chủ Tự do` names a party; `một đảng bảo thủ khác` (a conservative party) does not. */
function namesAParty(matcher: Matcher, tokens: Token[], mention: Mention): boolean {
  const head = tokens.slice(mention.start, mention.end).findIndex((token) => matcher.partyHeads.has(token.accented));
  const name = tokens[mention.start + head + 1];
  return head >= 0 && isWord(name) && isCapitalized(name.text);
}

/** The text writes the alias's name in lowercase (`đảng bảo thủ` for `Đảng Bảo thủ`): its first capitalised word after the head. */
function writtenInLowercase(matcher: Matcher, tokens: Token[], mention: Mention): boolean {
  const words = tokenize(mention.pattern.text);
  const first = words.findIndex((word) => isCapitalized(word.text) && !matcher.partyHeads.has(word.accented));
  const written = tokens[mention.start + first];
  return first >= 0 && isWord(written) && !isCapitalized(written.text);
}

/** A party name the text writes after a party head: its words, and where it ends. */
interface NamedParty {
  start: number;
  /** Where the name itself starts, after the head and any lead-in. */
  nameStart: number;
  end: number;
  name: string;
  /** The country written right after the name (`Đảng Dân tiến Nhật Bản`), if any. */
  country: string | null;
  /** The name is an abbreviation (`đảng CNRT`, `đảng LREM`). */
  abbreviation: boolean;
  /** Read after a member word (`đảng viên Dân chủ`): counts only as a known party. */
  members: boolean;
}

/** `DUP`, `CNRT`, `PiS`, `MoDem`: one word with two capitals or more, as abbreviations are written. */
function isAbbreviation(text: string): boolean {
  return /^\p{Lu}\p{L}*$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function startsWithPhrase(phrases: string[][], tokens: Token[], at: number): string[] | undefined {
  return phrases.find((phrase) => phrase.every((word, offset) => tokens[at + offset]?.accented === word));
}

/**
 * Reads `Đảng` + name as Vietnamese writes party names: each word's first syllable capitalised
 * (`Dân tiến`, `Hợp nhất Dân chủ`), or one foreign word (`Saenuri`), or an abbreviation (`CNRT`),
 * after words of stance or membership (`đảng cực hữu Mặt trận Dân tộc`, `đảng viên Dân chủ`). Two capitalised syllables
 * in a row (`Đảng Đinh La Thăng`, `Đảng Bộ Văn hóa`) are a person or an office, not a party; a
 * foreign word after Vietnamese ones (`Dân chủ Foster`) is a person named after the party. `và`
 * joins a name only when an abbreviation follows it (`Pháp luật và Công lý (PiS)`): `đảng Cộng hòa
 * và Dân chủ` is two parties.
 */
function readPartyName(matcher: Matcher, tokens: Token[], head: number, countryAt: Map<number, Mention>): NamedParty | null {
  const words: string[] = [];
  let at = head + 1;
  const memberWord = startsWithPhrase(matcher.partyMemberWords, tokens, at);
  // A stance is written in lowercase: `Đảng Liên minh Awami` is a name, `đảng liên minh MoDem` a stance.
  const leadIn = memberWord ?? (isWord(tokens[at]) && !isCapitalized(tokens[at]!.text) ? startsWithPhrase(matcher.partyStanceWords, tokens, at) : undefined);
  const afterLeadIn = leadIn ? tokens[at + leadIn.length] : undefined;
  const members = leadIn !== undefined && leadIn === memberWord && isWord(afterLeadIn) && isCapitalized(afterLeadIn.text);
  if (leadIn && isWord(afterLeadIn) && isCapitalized(afterLeadIn.text)) at += leadIn.length;
  const nameStart = at;
  const first = tokens[at];
  if (isWord(first) && isAbbreviation(first.text) && !countryAt.has(at)) {
    return { start: head, nameStart, end: at + 1, name: first.text, country: null, abbreviation: true, members };
  }
  let country: Mention | undefined;
  let vietnamese: boolean | null = null;
  let beforeConjunction: { words: number; at: number } | null = null;
  while (at < tokens.length && words.length < 10) {
    country = countryAt.get(at);
    if (country) break;
    const word = tokens[at]!;
    if (!isWord(word) || !isCapitalized(word.text) || word.text === word.text.toUpperCase() || /\d/.test(word.text)) break;
    const isViet = isVietnameseSyllable(word.text);
    // A capitalised function word after the name opens a sentence the text forgot to end (`đảng Cộng hòa Không phải...`).
    if (words.length > 0 && isFunctionWord(word.text)) break;
    // Two capitalised words in a row are a person (`Marine Le Pen`, `Sam Rainsy`), whatever their language.
    if (words.length > 0 && isCapitalized(words.at(-1)!)) return null;
    if (vietnamese !== null && isViet !== vietnamese) break;
    vietnamese = isViet;
    words.push(word.text);
    at++;
    const [next, after] = [tokens[at], tokens[at + 1]];
    const closesWord = !isWord(after) || isCapitalized(after.text);
    const partyWord = matcher.partyNameWords.has(`${word.accented} ${next?.accented}`);
    // `Xanh bảo vệ môi trường`: the lowercase syllable begins the next word rather than ending the name's.
    const beginsWord = !partyWord && isWord(next) && isWord(after) && !isCapitalized(after.text) && matcher.twoSyllableWords.has(`${next.accented} ${after.accented}`);
    if (isViet && isWord(next) && !isCapitalized(next.text) && isVietnameseSyllable(next.text) && (closesWord || partyWord || !isFunctionWord(next.text)) && !beginsWord) {
      words.push(next.text);
      at++;
    }
    const [conjunction, joined] = [tokens[at], tokens[at + 1]];
    if (beforeConjunction === null && isViet && conjunction?.accented === AND && isWord(joined) && isCapitalized(joined.text) && !countryAt.has(at + 1)) {
      beforeConjunction = { words: words.length, at };
      words.push(conjunction.text);
      at++;
    }
  }
  if (beforeConjunction && (country || tokens[at]?.text !== '(')) {
    words.length = beforeConjunction.words;
    at = beforeConjunction.at;
    country = undefined;
  }
  const written = words.join(' ');
  const folded = foldText(written);
  if (words.length === 0 || [...matcher.partyOrganWords].some((organ) => folded === organ || folded.startsWith(`${organ} `))) return null;
  // `đảng đối lập Nga`: a country's name alone is whose party it is, not its name (even where the text also gives a person that name).
  if (matcher.countryNames.has(nameKey(written))) return null;
  if (country) return { start: head, nameStart, end: country.end, name: written, country: country.pattern.entities[0]!.name, abbreviation: false, members };
  return { start: head, nameStart, end: at, name: written, country: null, abbreviation: false, members };
}

/** A parenthesis right after the name (`... (còn gọi là đảng Fretilin)`) that holds a party the gazetteer knows. */
function namesKnownPartyAfter(tokens: Token[], end: number, partyStarts: Set<number>): boolean {
  let open = end;
  while (open < tokens.length && open < end + 8 && tokens[open]!.text !== '(') {
    if ([',', '.', ';', ':', ')'].includes(tokens[open]!.text)) return false;
    open++;
  }
  if (tokens[open]?.text !== '(') return false;
  for (let at = open + 1; at < tokens.length && at < open + 12 && tokens[at]!.text !== ')'; at++) if (partyStarts.has(at)) return true;
  return false;
}

/** `(DPS)` at `at`: an abbreviation in parentheses, or null. */
function abbreviationAt(tokens: Token[], at: number): string | null {
  const [open, abbreviation, close] = [tokens[at], tokens[at + 1], tokens[at + 2]];
  return open?.text === '(' && close?.text === ')' && isWord(abbreviation) && isAbbreviation(abbreviation.text) ? abbreviation.text : null;
}

/**
 * The name up to an abbreviation in parentheses that follows it within a few words (`đảng Dân chủ
 * xã hội (DPS)`, `đảng Công nhân người Kurd (PKK)`): the abbreviation closes the name. Words of
 * stance (`cầm quyền`) are not the name's.
 */
function extendToAbbreviation(matcher: Matcher, tokens: Token[], party: NamedParty, extendedNames: ReadonlySet<string> = new Set()): NamedParty {
  if (party.country !== null || party.abbreviation) return party;
  const extendTo = (at: number) => ({ ...party, end: at, name: [party.name, ...tokens.slice(party.end, at).map((token) => token.text)].join(' ') });
  for (let at = party.end; at <= party.end + 4 && at < tokens.length; at++) {
    if (abbreviationAt(tokens, at) !== null) return at === party.end ? party : extendTo(at);
    if (!isWord(tokens[at]) || startsWithPhrase(matcher.partyStanceWords, tokens, at)) break;
  }
  // `Chủ tịch Đảng Dân chủ xã hội,` after `Đảng Dân chủ xã hội (CSSD)`: the text's name, written again without its abbreviation.
  for (let at = party.end + 4; at > party.end; at--) {
    if (at <= tokens.length && tokens.slice(party.end, at).every(isWord) && extendedNames.has(nameKey(extendTo(at).name))) return extendTo(at);
  }
  return party;
}

/** Names the text closes with an abbreviation (`Dân chủ xã hội (CSSD)`), which its other readings of the same words keep. */
function namesClosedByAbbreviations(matcher: Matcher, tokens: Token[], countryAt: Map<number, Mention>): Set<string> {
  const names = new Set<string>();
  tokens.forEach((token, at) => {
    if (!matcher.partyHeads.has(token.accented)) return;
    const reading = readPartyName(matcher, tokens, at, countryAt);
    const extended = reading && extendToAbbreviation(matcher, tokens, reading);
    if (reading && extended && extended.end !== reading.end) names.add(nameKey(extended.name));
  });
  return names;
}

/** What may stand before a capitalised word that opens a sentence or a clause. */
const CLAUSE_STARTS = new Set(['.', '!', '?', ':', ';', ',', '\n']);

/** `của` and `và` as tokens compare them (tone mark last, not composed). */
const OF = tokenize('của')[0]!.accented;
const AND = tokenize('và')[0]!.accented;
const [IN, COUNTRY, THIS] = tokenize('ở nước này').map((token) => token.accented);

function countryBefore(countryAt: Map<number, Mention>, at: number): string | null {
  let last: Mention | undefined;
  for (const [start, mention] of countryAt) if (start < at && (!last || start > last.start)) last = mention;
  return last?.pattern.entities[0]?.name ?? null;
}

/** `các đảng Hồi giáo của Maroc và Tunisia`: a name the text gives several countries is a kind of party, not one. */
function ofSeveralCountries(tokens: Token[], end: number, countryAt: Map<number, Mention>): boolean {
  for (let at = end; at < tokens.length && at < end + 7; at++) {
    const token = tokens[at]!;
    if (token.accented === OF) {
      const first = countryAt.get(at + 1);
      const glue = first ? tokens[first.end] : undefined;
      return first !== undefined && (glue?.accented === AND || glue?.text === ',') && countryAt.has(first.end + 1);
    }
    if (token.kind !== 'word') return false;
  }
  return false;
}

/** `đảng Dân chủ xã hội (DPS) cầm quyền của Montenegro`: the country the text gives a party after its name. */
function countryAfterName(tokens: Token[], end: number, countryAt: Map<number, Mention>): string | null {
  for (let at = end; at < tokens.length && at < end + 7; at++) {
    const token = tokens[at]!;
    if (token.accented === OF) return countryAt.get(at + 1)?.pattern.entities[0]?.name ?? null;
    // `Đảng Xanh ở nước này`: the country the text has just named.
    if (token.accented === IN && tokens[at + 1]?.accented === COUNTRY && tokens[at + 2]?.accented === THIS) return countryBefore(countryAt, end);
    if (token.kind !== 'word' && token.text !== '(' && token.text !== ')') return null;
  }
  return null;
}

/**
 * How the text writes a party where a gazetteer alias that needs a country matched: longer than
 * the alias (`Đảng Tự do Quốc gia` for `Đảng Tự do`, `đảng Dân chủ Mới`), shorter where the text
 * does not capitalise the alias's words and no country of the alias's parties is in the text
 * (`đảng Dân chủ tự do` in Korea is `Dân chủ`; `đảng Mặt trận quốc gia` in France is the alias), or
 * up to an abbreviation (`đảng Dân chủ xã hội (DPS)`). Null where the text writes the alias itself.
 */
function writtenPartyName(matcher: Matcher, tokens: Token[], mention: Mention, countryAt: Map<number, Mention>, aliasFits: boolean, extendedNames: ReadonlySet<string>): NamedParty | null {
  if (!matcher.partyHeads.has(tokens[mention.start]!.accented)) return null;
  const reading = readPartyName(matcher, tokens, mention.start, countryAt);
  if (!reading || reading.abbreviation || reading.members) return null;
  const written = extendToAbbreviation(matcher, tokens, reading, extendedNames);
  const aliasWords = tokenize(mention.pattern.text).map((token) => token.text);
  const lowered = aliasWords.some((word, offset) => offset > 0 && isCapitalized(word) && !isCapitalized(tokens[mention.start + offset]!.text));
  if (written.end > mention.end || (lowered && !aliasFits && written.end < mention.end)) return written;
  return null;
}

/** Where a second party name joined by `và` starts (`hai đảng Dân chủ và Cộng hòa`, `Đảng Dân tộc Scotland và Dân chủ Tự do`). */
function coordinatedAt(tokens: Token[], end: number): number | null {
  const [conjunction, next] = [tokens[end], tokens[end + 1]];
  return conjunction?.accented === AND && isWord(next) && isCapitalized(next.text) ? end : null;
}

/**
 * Bare party names after a word for a party's members (`thượng nghị sĩ Cộng hòa`, `Nghị sĩ Cộng
 * hòa Chuck Grassley`, `nghị sỹ bảo thủ của Cộng hòa`): a few lowercase words may stand between;
 * after a noun for members (`những người Cộng hòa`), none. They count only as parties the gazetteer knows.
 */
function memberReadings(matcher: Matcher, tokens: Token[], countryAt: Map<number, Mention>, inParty: ReadonlySet<number>): NamedParty[] {
  const found: NamedParty[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const noun = startsWithPhrase(matcher.partyMemberNouns, tokens, at);
    const title = noun ?? startsWithPhrase(matcher.partyMemberTitles, tokens, at);
    // A capitalised title that does not open a sentence or a clause opens a name (`Báo Người Lao động`, `"Người Cộng sản đầu tiên"`);
    // one inside a party's name is the name's (`Những người Cộng hòa`).
    if (!title || inParty.has(at) || (isCapitalized(tokens[at]!.text) && at > 0 && !CLAUSE_STARTS.has(tokens[at - 1]!.text))) continue;
    const lastName = at + title.length + (noun ? 0 : 3);
    for (let name = at + title.length; name <= lastName && name < tokens.length; name++) {
      const token = tokens[name]!;
      if (!isWord(token) || matcher.partyHeads.has(token.accented)) break;
      if (!isCapitalized(token.text)) continue;
      const reading = readPartyName(matcher, tokens, name - 1, countryAt);
      if (reading && !reading.abbreviation) found.push({ ...reading, members: true });
      break;
    }
  }
  return found;
}

/**
 * Parties the text names with a party head that no gazetteer alias covers. A name shortly after a
 * naming word (`đổi tên thành đảng Sức mạnh`) is a name under discussion; a name the text says is
 * a known party (`đảng Mặt trận ... (còn gọi là đảng Fretilin)`) is that party, already counted.
 */
function findNamedParties(matcher: Matcher, tokens: Token[], mentions: Mention[], countryMentions: Mention[]): NamedParty[] {
  const covered = new Set<number>();
  for (const mention of mentions) for (let i = mention.start; i < mention.end; i++) covered.add(i);
  const countryAt = new Map(countryMentions.map((mention) => [mention.start, mention]));
  const partyStarts = new Set(mentions.filter((mention) => mention.pattern.entities[0]?.kind === 'party').map((mention) => mention.start));
  const found: NamedParty[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (!isWord(token) || covered.has(at) || !matcher.partyHeads.has(token.accented)) continue;
    if (isWord(tokens[at - 1]) && matcher.partyHeadBlockers.has(tokens[at - 1]!.accented)) continue;
    const party = readPartyName(matcher, tokens, at, countryAt);
    // `Đảng En Marche`: the gazetteer already knows the party after the head.
    // `đảng La REM`: a known party right after the words is what they lead to.
    if (!party || covered.has(party.nameStart) || partyStarts.has(party.end)) continue;
    if (tokens.slice(Math.max(0, at - 4), at).some((word) => matcher.partyNamingWords.has(word.accented))) continue;
    if (!party.abbreviation && (namesKnownPartyAfter(tokens, party.end, partyStarts) || ofSeveralCountries(tokens, party.end, countryAt))) continue;
    found.push(party);
  }
  return found;
}

/**
 * Parties and countries mentioned in a text, by canonical name, most mentioned first. A party implies
 * its country; context-bound aliases count only in context (in a text about sport, so do club names);
 * a party named without its country (`đảng Dân chủ`, `Đảng Cộng sản`) belongs to the nearest country
 * the text mentions: a gazetteer party when the composed name is one, a new one otherwise
 * (`đảng Dân chủ Tự do` near `Anh` → `Đảng Dân chủ Tự do Anh`). An abbreviation the text defines
 * after a party's name (`(DUP)`) counts as that party.
 */
export function extractFacets(text: string, config?: GazetteerConfig): Facets {
  const matcher = config ? matcherFor(config) : (defaultMatcher ??= buildMatcher(gazetteerConfig()));
  const allTokens = tokenizeLines(text);
  const credits = creditPositions(matcher, allTokens);
  const elsewhere = nonArticlePositions(allTokens, matcher.relatedLinkCues);
  const notEntities = new Set<number>();
  const inText = findMentions(matcher, allTokens, notEntities).filter((mention) => !credits.has(mention.start) && !elsewhere.has(mention.start));
  // A link's or a credit's words are not the article's: no party is read in them, and no name runs into them;
  // nor is a party read from a head inside a phrase that names something else (`băng đảng`, `Báo Điện tử Đảng Cộng sản`).
  const masked = (token: Token, at: number) => credits.has(at) || elsewhere.has(at) || (notEntities.has(at) && matcher.partyHeads.has(token.accented));
  const tokens = allTokens.map((token, at) => (masked(token, at) ? LINE_BREAK : token));
  const otherThings = abbreviationsOfOtherThings(matcher, tokens, inText);
  const found = inText.filter((mention) => !(isAcronym(mention.pattern.text) && otherThings.has(tokens[mention.start]!.text)));
  // `bảng Anh` is money, not the state; yet it says which country a bare party name belongs to (`đảng Bảo thủ`).
  const isCurrency = (mention: Mention) => mention.pattern.entities[0]?.kind === 'country' && precededBy(matcher.currencyWords, tokens, mention.start);
  // So does a capital named as a place (`vùng tây bắc Washington`): whose party `đảng Cộng hòa` is.
  const currencyCountries = new Set([...found.filter(isCurrency).map((mention) => mention.pattern.entities[0]!.name), ...seatsAsPlaces(matcher, tokens)]);
  const mentions = withoutNonStateMentions(
    matcher,
    tokens,
    found.filter((mention) => !isCurrency(mention)),
  );
  const countries = new Map<string, number>();
  const parties = new Map<string, number>();
  const partyCountries = new Map<string, string>();
  const bump = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);

  const sport = isAboutSport(matcher, tokens);
  const isCountry = (mention: Mention) => mention.pattern.entities[0]!.kind === 'country';
  const contextBound = (mention: Mention) => mention.pattern.context || (sport && mention.pattern.club);
  const plain = mentions.filter((mention) => !contextBound(mention) && !mention.pattern.needsCountry);
  const contextual = mentions.filter(
    (mention) =>
      contextBound(mention) &&
      (hasContextWord(matcher, tokens, mention.start) ||
        (mention.pattern.context && isGoverned(matcher, tokens, mention.start) && !isNameWord(tokens[mention.end]) && !writesAsCommonWord(tokens, mention)) ||
        (mention.pattern.context && placesInParentheses(tokens, mention)) ||
        plain.some((other) => isCountry(other) && (enumerated(tokens, other, mention) || enumerated(tokens, mention, other)))),
  );
  const counted = [...plain, ...contextual].sort((a, b) => a.start - b.start);
  const countryMentions = counted.filter(isCountry);
  for (const mention of counted) {
    const entity = mention.pattern.entities[0]!;
    if (entity.kind === 'country') bump(countries, entity.name);
    else {
      bump(parties, entity.name);
      partyCountries.set(entity.name, entity.country!);
    }
  }

  const abbreviations = new Map<string, string>();
  const defineAbbreviation = (end: number, party: string) => {
    const [open, abbreviation, close] = [tokens[end], tokens[end + 1], tokens[end + 2]];
    if (open?.text === '(' && close?.text === ')' && isWord(abbreviation) && isAbbreviation(abbreviation.text)) abbreviations.set(abbreviation.text, party);
  };
  const nearestMention = (at: number, among: (country: string) => boolean): Mention | null => {
    let best: Mention | null = null;
    for (const mention of countryMentions) {
      if (!among(mention.pattern.entities[0]!.name)) continue;
      if (!best || Math.abs(mention.start - at) < Math.abs(best.start - at)) best = mention;
    }
    return best;
  };
  const countryOf = (mention: Mention | null): string | null => (mention ? mention.pattern.entities[0]!.name : null);
  const nearestAmong = (at: number, among: (country: string) => boolean): string | null => countryOf(nearestMention(at, among));
  const namedParties = findNamedParties(matcher, tokens, mentions, countryMentions);
  // The countries whose parties the text names for certain (`đảng Hàn Quốc Tự do`, `đảng Ennahdha của Tunisia`):
  // a party the gazetteer does not know by its bare name is more likely one of theirs than of a country merely nearer.
  const partySystems = new Set([...partyCountries.values(), ...namedParties.flatMap((named) => (named.country ? [named.country] : []))]);
  const nearestCountry = (at: number, among?: Set<string>): string | null => nearestAmong(at, (country) => !among || among.has(country));
  // A name read without its country keeps the country of its first reading: one party per name.
  const countryOfName = new Map<string, string>();
  /** The gazetteer's party for a name and its country, or for a name that only one party bears, if that party's country is in the text. */
  const knownParty = (name: string, country: string): string | undefined => {
    const unique = matcher.partyByUniqueName.get(nameKey(name));
    return (
      matcher.partyByName.get(nameKey(`${name} ${country}`)) ??
      matcher.partyByBareName.get(nameKey(name))?.get(country) ??
      (unique && countries.has(matcher.partyCountry.get(unique)!) ? unique : undefined)
    );
  };
  /** The countries of the text whose party of this name the gazetteer knows (`Đảng Dân chủ`: Hàn Quốc, Hoa Kỳ). */
  const knownCountries = (name: string): Set<string> => new Set([...countries.keys()].filter((country) => knownParty(name, country) !== undefined));
  /** A country for a name read without one: the nearest whose party of that name is known, else the nearest. */
  const countryFor = (name: string, at: number): string | null => {
    const known = knownCountries(name);
    // A one-party state's party is in the gazetteer: a name it does not know there is another country's party.
    const mayHave = new Set([...countries.keys()].filter((country) => !matcher.singlePartyCountries.has(country) || known.has(country)));
    // A country only a party implies (`Đảng Dân tộc Scotland`: Anh) has no mention to be near.
    const among = known.size === 0 ? mayHave : known;
    const ofPartySystems = nearestAmong(at, (country) => partySystems.has(country) && among.has(country));
    return ofPartySystems ?? (known.size === 0 ? nearestCountry(at, mayHave) : (nearestCountry(at, known) ?? [...known][0]!));
  };
  const countPartyOf = (name: string, at: number, end: number, written: string | null = null, knownOnly = false) => {
    const country = written ?? countryOfName.get(name) ?? countryFor(name, at);
    if (country === null) return;
    const known = knownParty(name, country);
    if (knownOnly && !known) return;
    if (written === null) countryOfName.set(name, country);
    const party = known ?? `${name} ${country}`;
    bump(parties, party);
    partyCountries.set(party, matcher.partyCountry.get(party) ?? country);
    defineAbbreviation(end, party);
  };
  const addImpliedCountries = () => {
    for (const [party, country] of partyCountries) if (parties.has(party) && !countries.has(country)) countries.set(country, 1);
  };
  for (const mention of counted) if (!isCountry(mention)) defineAbbreviation(mention.end, mention.pattern.entities[0]!.name);
  addImpliedCountries();

  const partyEnds: number[] = counted.filter((mention) => !isCountry(mention)).map((mention) => mention.end);
  const countryAt = new Map(countryMentions.map((mention) => [mention.start, mention]));
  const extendedNames = namesClosedByAbbreviations(matcher, tokens, countryAt);
  const countWritten = (named: NamedParty, knownOnly: boolean) => {
    const head = tokens[named.start]!.text;
    const name = `${matcher.partyHeads.has(head.toLowerCase()) ? `${head.charAt(0).toUpperCase()}${head.slice(1)}` : 'Đảng'} ${named.name}`;
    countPartyOf(name, named.start, named.end, named.country ?? countryAfterName(tokens, named.end, countryAt), knownOnly);
    partyEnds.push(named.end);
  };
  const bareMentions = mentions.filter((candidate) => candidate.pattern.needsCountry);
  for (const mention of bareMentions) {
    // `đảng Dân chủ (PD)`: a known party's abbreviation after the name says which party it is.
    const abbreviation = abbreviationAt(tokens, mention.end);
    if (abbreviation !== null && matcher.partyByAcronym.has(foldText(abbreviation))) continue;
    // `một đảng bảo thủ khác`: a name in lowercase describes a party, unless the text also writes it as a name.
    const described = (candidate: Mention) => writtenInLowercase(matcher, tokens, candidate);
    if (described(mention) && bareMentions.every((other) => other.pattern !== mention.pattern || described(other))) continue;
    const candidates = mention.pattern.entities.filter((entity) => countries.has(entity.country!) || currencyCountries.has(entity.country!));
    const written = writtenPartyName(matcher, tokens, mention, countryAt, candidates.length > 0, extendedNames);
    if (written) {
      const known = abbreviationAt(tokens, written.end);
      if (known === null || !matcher.partyByAcronym.has(foldText(known))) countWritten(written, false);
      continue;
    }
    partyEnds.push(mention.end);
    const candidateCountries = new Set(candidates.map((entity) => entity.country!));
    const nearest = candidates.length > 1 ? nearestMention(mention.start, (name) => candidateCountries.has(name)) : null;
    // The nearest is only one of a list (`với Mỹ, Trung Quốc, Nhật Bản và Triều Tiên`): a country whose parties the text names for certain says more.
    const listed = nearest !== null && countryMentions.some((other) => enumerated(tokens, nearest, other) || enumerated(tokens, other, nearest));
    const certain = [...candidateCountries].filter((name) => partySystems.has(name));
    const ofCertain = nearestAmong(mention.start, (name) => certain.includes(name)) ?? (certain.length === 1 ? certain[0]! : null);
    const country = listed ? (ofCertain ?? countryOf(nearest)) : countryOf(nearest);
    const party = candidates.length === 1 ? candidates[0] : candidates.find((entity) => entity.country === country);
    if (party) {
      bump(parties, party.name);
      partyCountries.set(party.name, party.country!);
      if (candidates.length === 1) partySystems.add(party.country!);
      defineAbbreviation(mention.end, party.name);
    } else if (candidates.length === 0 && namesAParty(matcher, tokens, mention)) {
      countPartyOf(mention.pattern.text, mention.start, mention.end, countryAfterName(tokens, mention.end, countryAt));
    }
  }
  const definedInText = new Set<string>();
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (tokens[at]!.text === '(' && tokens[at + 2]!.text === ')' && isAbbreviation(tokens[at + 1]!.text)) definedInText.add(tokens[at + 1]!.text);
  }
  for (const named of namedParties) {
    // `đảng Ukip`: an acronym the gazetteer knows, written in another case.
    // `đảng Ennahhda`: a foreign name the gazetteer knows, misspelt by a letter.
    const known = named.name.includes(' ') ? undefined : (matcher.partyByAcronym.get(foldText(named.name)) ?? matcher.partyByName.get(nameKey(named.name)) ?? misspeltForeignName(matcher, named.name));
    if (known) {
      bump(parties, known);
      partyCountries.set(known, matcher.partyCountry.get(known)!);
      partyEnds.push(named.end);
    } else if (!(named.abbreviation && definedInText.has(named.name))) {
      countWritten(named.abbreviation ? named : extendToAbbreviation(matcher, tokens, named, extendedNames), named.members);
    }
  }
  const spans = [...mentions.filter((mention) => !isCountry(mention)), ...namedParties];
  const inParty = new Set(spans.flatMap((span) => Array.from({ length: span.end - span.start }, (_, offset) => span.start + offset)));
  for (const named of memberReadings(matcher, tokens, countryAt, inParty)) countWritten(named, true);
  for (const end of partyEnds) {
    const conjunction = coordinatedAt(tokens, end);
    const second = conjunction === null ? null : readPartyName(matcher, tokens, conjunction, countryAt);
    if (second && !second.abbreviation) countWritten(second, true);
  }
  if (abbreviations.size > 0) {
    for (const token of tokens) {
      const party = isWord(token) ? abbreviations.get(token.text) : undefined;
      if (party) bump(parties, party);
    }
  }
  addImpliedCountries();
  return { parties: rankedNames(parties), countries: rankedNames(countries) };
}

/** Metadata names to canonical gazetteer names where they name one known entity; kept as given otherwise. */
export function canonicalFacetValues(values: readonly string[], kind: Entity['kind']): string[] {
  const matcher = (defaultMatcher ??= buildMatcher(gazetteerConfig()));
  const names = values.map((value) => {
    // A value is a name by itself (`ĐCSVN`): no context to ask for.
    const party = kind === 'party' ? matcher.partyByName.get(nameKey(value)) : undefined;
    if (party) return party;
    const facets = extractFacets(value);
    const found = kind === 'party' ? facets.parties : facets.countries;
    return found.length === 1 ? found[0]! : value.trim();
  });
  return [...new Set(names.filter((name) => name !== ''))];
}
