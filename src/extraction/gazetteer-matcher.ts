import { boilerplateConfig, gazetteerConfig, type AliasConfig, type GazetteerConfig } from '../config/language-data.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';
import { foldText, isVietnameseSyllable } from '../vietnamese/index.ts';
import { lexiconWords } from '../vietnamese/segment.ts';
import { isAbbreviation } from './token-shapes.ts';

export interface Entity {
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

export interface Pattern {
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
  /**
   * For a plain spelling of a name the gazetteer also writes with marks (`Viet Nam` beside `Việt Nam`),
   * that name's words, accented: a word of the text that has marks must have those (`Hồng Kong` is
   * Hong Kong; `Ngô Viết Nam Sơn` is a man).
   */
  markedTwin: string[] | null;
}

export interface Mention {
  pattern: Pattern;
  start: number;
  end: number;
}

/** Patterns by their first folded token, then by their second (`Đảng` heads ~200 party names). */
interface PatternIndex {
  oneToken: Pattern[];
  bySecondToken: Map<string, Pattern[]>;
}

export interface Matcher {
  byFirstToken: Map<string, PatternIndex>;
  honorifics: Set<string>;
  placeWords: Set<string>;
  contextPhrases: string[][];
  sportsCues: string[][];
  seatPlaceWords: string[][];
  styleWords: string[][];
  nicknameWords: string[][];
  leagueWords: string[][];
  homeCountries: Set<string>;
  /** Folded, lowercase. */
  sportNames: Set<string>;
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
  /** Accented, lowercase: `và`, `lẫn`. */
  partyConjunctions: Set<string>;
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
  relatedTeaserCues: string[][];
  singlePartyCountries: Set<string>;
  /** Words of two syllables (accented, lowercase): `chính quyền` in `chính quyền Anh`. */
  twoSyllableWords: Set<string>;
  /** The common ones, which the lexicon writes in lowercase (`nổi tiếng`). */
  commonTwoSyllableWords: Set<string>;
  /** Words of a lowercase syllable and a capitalised one, as written (`quyền Anh`, `gió Lào`). */
  wordsEndingInName: Set<string>;
  geographicWords: string[][];
  warWords: string[][];
  acronymHeads: string[][];
  transferWords: string[][];
  /** Accented, lowercase. */
  pronouns: Set<string>;
  territoryWords: string[][];
  currencyWords: string[][];
  /** Heads: the first word as written (case counts: `Giải Bóng bầu dục`, not `giải pháp`), the others in lowercase. */
  nameHeads: string[][];
  publicationHeads: string[][];
  /** Accented, lowercase: `mở rộng`. */
  competitionTails: string[][];
  languageWords: string[][];
  partyMemberTitles: string[][];
  partyMemberNouns: string[][];
  /** Parties' one-word foreign names (`Ennahda`, `Likud`), folded and in lowercase, to the party. */
  partyByForeignWord: Map<string, string>;
  /** Every country's name and alias, as name keys. */
  countryNames: Set<string>;
}

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
export function isAcronym(text: string): boolean {
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
    // `PiS`, `MoDem`: a word with two capitals or more is written so, never `pis` (a brake piston).
    const exact = options.exact || acronym || isAbbreviation(text);
    const mode: MatchMode = exact ? 'exact' : isWrittenInVietnamese(text) ? 'accented' : 'folded';
    const tokens = tokenize(text).map((token) => tokenForm(token, mode));
    if (tokens.length === 0) return;
    // A one-word country name is also part of names of people, clubs and things (`Michael Jordan`, `AS Monaco`).
    const guarded = !acronym && (exact || (tokens.length === 1 && entity?.kind === 'country'));
    const key = `${mode}|${options.context}|${options.needsCountry}|${options.club}|${options.seat}|${tokens.join(' ')}`;
    const pattern = patterns.get(key) ?? { ...options, text, mode, exact, guarded, tokens, entities: [], markedTwin: null };
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

  const foldedKey = (pattern: Pattern) => pattern.tokens.map((token) => foldText(token).toLowerCase()).join(' ');
  const markedNames = new Map([...patterns.values()].filter((pattern) => pattern.mode === 'accented').map((pattern) => [foldedKey(pattern), pattern.tokens]));
  for (const pattern of patterns.values()) if (pattern.mode === 'folded') pattern.markedTwin = markedNames.get(foldedKey(pattern)) ?? null;

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
    nicknameWords: accentedPhrases(config.nickname_words),
    leagueWords: accentedPhrases(config.league_words),
    homeCountries: new Set(config.home_countries),
    sportNames: new Set(config.sport_names.map(nameKey)),
    creditWords: new Set(config.credit_words.map((word) => foldText(word))),
    partyStanceWords: accentedPhrases(config.party_stance_words),
    partyMemberWords: accentedPhrases(config.party_member_words),
    partyByUniqueName,
    partyNamingWords: new Set(config.party_naming_words.map((word) => nameKey(word))),
    partyByAcronym,
    partyHeads: new Set(config.party_heads.map((word) => nameKey(word))),
    directionWords: lower(config.direction_words),
    partyHeadBlockers: new Set(config.party_head_blockers.map((word) => nameKey(word))),
    partyConjunctions: new Set(config.party_conjunctions.map((word) => nameKey(word))),
    partyOrganWords: new Set(config.party_organ_words.map((word) => foldText(word))),
    partyByName,
    partyByBareName,
    partyNames: new Map(config.parties.map((party) => [party.name, [party.name, ...party.aliases.map(aliasTexts)].map(nameKey)])),
    partyNameWords: partyNameWords(config),
    partyCountry: new Map(config.parties.map((party) => [party.name, party.country])),
    relatedLinkCues: accentedPhrases(config.related_link_cues),
    relatedTeaserCues: accentedPhrases(config.related_teaser_cues),
    singlePartyCountries: new Set(config.single_party_countries),
    ...lexiconPairs(),
    geographicWords: accentedPhrases(config.geographic_words),
    warWords: accentedPhrases(config.war_words),
    acronymHeads: accentedPhrases(config.acronym_heads),
    transferWords: accentedPhrases(config.transfer_words),
    pronouns: new Set(config.pronouns.map(nameKey)),
    territoryWords: accentedPhrases(config.territory_words),
    currencyWords: accentedPhrases(config.currency_words),
    nameHeads: headPhrases(config.name_heads),
    publicationHeads: headPhrases(config.publication_heads),
    competitionTails: accentedPhrases(config.competition_tails),
    languageWords: accentedPhrases(config.language_words),
    partyMemberTitles: accentedPhrases(config.party_member_titles),
    partyMemberNouns: accentedPhrases(config.party_member_nouns),
    partyByForeignWord: partyForeignWords(config),
    countryNames: new Set(config.countries.flatMap((country) => [country.name, ...country.aliases.map(aliasTexts)].map(nameKey))),
  };
}

function headPhrases(phrases: string[]): string[][] {
  return phrases.map((phrase) => tokenize(phrase).map((token, offset) => (offset === 0 ? token.toned : token.toned.toLowerCase())));
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

/** The compiled gazetteer: the one in `config/` unless another is given. */
export function gazetteerMatcher(config?: GazetteerConfig): Matcher {
  if (!config) return (defaultMatcher ??= buildMatcher(gazetteerConfig()));
  const matcher = matchers.get(config) ?? buildMatcher(config);
  matchers.set(config, matcher);
  return matcher;
}

export function nameKey(text: string): string {
  return tokenize(text)
    .filter((token) => token.kind === 'word')
    .map((token) => token.accented)
    .join(' ');
}

function tokenForm(token: Token, mode: MatchMode): string {
  return mode === 'folded' ? token.folded : mode === 'exact' ? token.toned : token.accented;
}

export function matchesAt(pattern: Pattern, tokens: Token[], at: number): boolean {
  if (at + pattern.tokens.length > tokens.length) return false;
  return pattern.tokens.every((expected, offset) => {
    const token = tokens[at + offset]!;
    const marked = token.accented !== token.folded;
    return tokenForm(token, pattern.mode) === expected && !(marked && pattern.markedTwin && pattern.markedTwin[offset] !== token.accented);
  });
}
