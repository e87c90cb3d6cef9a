import { boilerplateConfig, gazetteerConfig, type AliasConfig, type GazetteerConfig } from '../config/language-data.ts';
import { isFunctionWord } from './boilerplate.ts';
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
  partyCountry: Map<string, string>;
  partyCountryWords: Set<string>;
  /** `nước này`: the country the text has just named. */
  thisCountryPhrases: string[][];
  singlePartyCountries: Set<string>;
  /** Words of two syllables (accented, lowercase): `bảo vệ` in `đảng Xanh bảo vệ môi trường` is not part of the name. */
  twoSyllableWords: Set<string>;
  /** The common words among them, as the lexicon writes them in lowercase (`anh hùng`, `hung thủ`, `pháp luật`). */
  commonTwoSyllableWords: Set<string>;
  /** Words of a lowercase syllable and a capitalised one, as written (`quyền Anh`, `gió Lào`). */
  wordsEndingInName: Set<string>;
}

/** `và` as tokens write it (tone mark last). */
const AND = tokenize('và')[0]!.accented;

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
      // A party's acronym is also a radar's, a TV channel's or a plan's (`SPS-40`, `kênh ANC`): it needs the party's country.
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
    partyCountry: new Map(config.parties.map((party) => [party.name, party.country])),
    partyCountryWords: new Set(config.party_country_words.map((word) => nameKey(word))),
    thisCountryPhrases: accentedPhrases(config.this_country_phrases),
    singlePartyCountries: new Set(config.single_party_countries),
    wordsEndingInName: new Set(
      lexiconWords()
        .map((word) => tokenize(word))
        .filter((words) => words.length === 2 && !isCapitalized(words[0]!.text) && isCapitalized(words[1]!.text))
        .map((words) => `${words[0]!.toned} ${words[1]!.toned}`),
    ),
    commonTwoSyllableWords: new Set(
      lexiconWords()
        .filter((word) => word === word.toLowerCase())
        .map(nameKey)
        .filter((word) => word.split(' ').length === 2),
    ),
    twoSyllableWords: new Set(
      lexiconWords()
        .map(nameKey)
        .filter((word) => word.split(' ').length === 2),
    ),
  };
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
 * head noun governs it and the name is not Vietnamese (`Tổng thống Mỹ Donald Trump`, not `nhà thiết
 * kế Đức Duy`).
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
  if (isNameWord(next)) {
    const governed = isWord(previous) && !isCapitalized(previous.text) && !isFunctionWord(previous.text);
    // `nhà thiết kế Đức Duy`, `Mầm non Mỹ Thanh`: a Vietnamese name goes on; `báo giới Anh Daily Mail` names something of the country.
    return !governed || isVietnameseSyllable(next!.text);
  }
  return false;
}

/** One of the phrases (accented, lowercase) ends right before `start`: `tại` Vienna, `xì gà` Cuba. */
function precededBy(phrases: string[][], tokens: Token[], start: number): boolean {
  return phrases.some((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.accented === word));
}

/** `xì gà Cuba`, `tiếng Đức`, but not `rapper nổi tiếng Hàn Quốc`: the style word is not the end of another word. */
function afterStyleWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  const phrase = matcher.styleWords.find((words) => precededBy([words], tokens, start));
  const before = phrase ? tokens[start - phrase.length - 1] : undefined;
  return phrase !== undefined && !(isWord(before) && matcher.commonTwoSyllableWords.has(`${before.accented} ${phrase[0]}`));
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

/**
 * Token positions of a related-article link (`[Iran hoan nghênh hiệp ước ...]` between two
 * sentences), of an outlet's stamp (`Hoàng Tâm - Thể Thao Việt Nam | 02:05 17/06/2017`) and of a
 * source credit on the last line (`Theo Gia đình Việt Nam`): their names are not what the text discusses.
 */
function linkAndStampPositions(tokens: Token[]): Set<number> {
  const inside = new Set<number>();
  for (let at = 0; at < tokens.length; at++) {
    const before = tokens[at - 1];
    if (tokens[at]!.text !== '[' || !(before === undefined || ['.', '!', '?', '"', '”', '\n'].includes(before.text))) continue;
    let close = at + 1;
    while (close < tokens.length && close < at + 40 && tokens[close]!.text !== ']' && tokens[close]!.text !== '\n') close++;
    if (tokens[close]?.text !== ']' || tokens.slice(at + 1, close).filter(isWord).length < 5) continue;
    for (let inner = at + 1; inner < close; inner++) inside.add(inner);
  }
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (tokens[at]!.text !== '|' || !/^\d{1,2}$/.test(tokens[at + 1]!.text) || tokens[at + 2]!.text !== ':') continue;
    // The outlet's name runs back from the bar to the dash after the writer's name, or to the line start.
    for (let back = at - 1; back >= 0 && back >= at - 8 && tokens[back]!.kind === 'word'; back--) inside.add(back);
  }
  // `Hạ Tú/ Theo Gia đình Việt Nam`: a short last line that credits the source.
  const lastLine = tokens.lastIndexOf(LINE_BREAK) + 1;
  const credit = tokens.findIndex((token, at) => at >= lastLine && token.text === 'Theo' && (at === lastLine || ['/', '.', '-'].includes(tokens[at - 1]!.text)));
  const credited = tokens.slice(credit + 1);
  const isCredit = credit >= 0 && isCapitalized(credited[0]?.text ?? '') && !credited.some((token) => token.text === ',') && tokens.slice(lastLine).filter(isWord).length <= 12;
  if (isCredit) for (let at = credit + 1; at < tokens.length; at++) inside.add(at);
  return inside;
}

/** `Hung thủ`, `Anh hùng`, `Pháp luật`: a short name that begins a common word with the lowercase syllable after it. */
function isCommonWordStart(matcher: Matcher, tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  return isWord(next) && !isCapitalized(next.text) && matcher.commonTwoSyllableWords.has(`${tokens[at]!.accented} ${next.accented}`);
}

/**
 * `quyền Anh`, `gió Lào`: a short name that ends a word the lexicon writes so, after a lowercase
 * syllable, unless that syllable ends a word of its own (`chính quyền Anh`).
 */
function isCommonWordEnd(matcher: Matcher, tokens: Token[], at: number): boolean {
  const [previous, before] = [tokens[at - 1], tokens[at - 2]];
  if (!isWord(previous) || !matcher.wordsEndingInName.has(`${previous.toned} ${tokens[at]!.toned}`)) return false;
  const pairs = (left: Token | undefined, right: Token | undefined) => isWord(left) && isWord(right) && matcher.twoSyllableWords.has(`${left.accented} ${right.accented}`);
  // `chính quyền Anh` is the British government; in `Tổ chức quyền Anh`, `chức` is taken by `Tổ chức`.
  return !(pairs(before, previous) && !pairs(tokens[at - 3], before));
}

/** `SPS-40`, `AN/SPS`, `PVV-Vinapharm`: an acronym joined to a code or a name by a dash or a slash. */
function isInCode(tokens: Token[], start: number, end: number): boolean {
  return (tokens[end]?.kind === 'dash' && isWord(tokens[end + 1])) || (tokens[start - 1]?.text === '/' && isWord(tokens[start - 2]));
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
 * A party's name goes on after a name the gazetteer knows (`Đảng Dân chủ Mới`, `Đảng Tự do Dân
 * chủ`, `Đảng Dân chủ xã hội (CSSD)`): a capitalised Vietnamese word follows that is not a country,
 * nor the start of a person's name (`Đảng Cộng sản Nguyễn Phú Trọng`), or words up to an
 * abbreviation. The longer name is another party.
 */
function continuesPartyName(matcher: Matcher, tokens: Token[], end: number): boolean {
  if (wordsBeforeAbbreviation(matcher, tokens, end)) return true;
  const [next, after] = [tokens[end], tokens[end + 1]];
  if (!isWord(next) || !isCapitalized(next.text) || next.text === next.text.toUpperCase() || !isVietnameseSyllable(next.text)) return false;
  if (startsCountry(matcher, tokens, end)) return false;
  // `đảng Cộng hòa Không phải thẩm phán` (a caption run into the text) is a sentence going on; `Đảng Dân chủ Mới đối lập` a name.
  if (isFunctionWord(next.text) && isWord(after) && !isCapitalized(after.text) && !startsWithPhrase(matcher.partyStanceWords, tokens, end + 1)) return false;
  return !(isWord(after) && isCapitalized(after.text));
}

function hasContextWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  return matcher.contextPhrases.some((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.folded === word));
}

function findMentions(matcher: Matcher, tokens: Token[]): Mention[] {
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
      if (isAcronym(candidate.text) && isDomainTail(tokens, at)) return false;
      if (candidate.entities[0]?.kind === 'country' && afterStyleWord(matcher, tokens, at)) return false;
      if (candidate.exact && candidate.tokens.length === 1 && (isCommonWordStart(matcher, tokens, at) || isCommonWordEnd(matcher, tokens, at))) return false;
      if (candidate.entities[0]?.kind === 'party' && isAcronym(candidate.text) && isInCode(tokens, at, end)) return false;
      if (candidate.entities[0]?.kind === 'party' && matcher.partyHeads.has(candidate.tokens[0]!.toLowerCase())) {
        // `đảng bảo thủ Những người Cộng hòa`: a stance before the name.
        const described = end > at + 1 && isCapitalized(candidate.text.split(' ')[1] ?? '') && !isCapitalized(tokens[at + 1]!.text);
        if (described && isWord(tokens[end]) && isCapitalized(tokens[end]!.text) && !startsCountry(matcher, tokens, end)) return false;
        if (continuesPartyName(matcher, tokens, end)) return false;
      }
      return !(candidate.guarded && looksLikeName(matcher, tokens, at, end));
    });
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

function hasPhrase(tokens: Token[], phrase: string[]): boolean {
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (phrase.every((word, offset) => tokens[at + offset]!.folded === word)) return true;
  }
  return false;
}

function isAboutSport(matcher: Matcher, tokens: Token[]): boolean {
  return matcher.sportsCues.filter((cue) => hasPhrase(tokens, cue)).length >= 2;
}

/** `đảng Dân chủ Tự do` names a party; `một đảng bảo thủ khác` (a conservative party) does not. */
function namesAParty(matcher: Matcher, tokens: Token[], mention: Mention): boolean {
  const head = tokens.slice(mention.start, mention.end).findIndex((token) => matcher.partyHeads.has(token.accented));
  const name = tokens[mention.start + head + 1];
  return head >= 0 && isWord(name) && isCapitalized(name.text);
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
  // A stance is written in lowercase: `Đảng Cánh tả` is a name.
  const stance = isWord(tokens[at]) && !isCapitalized(tokens[at]!.text) ? startsWithPhrase(matcher.partyStanceWords, tokens, at) : undefined;
  const leadIn = memberWord ?? stance;
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
    if (vietnamese !== null && isViet !== vietnamese) break;
    if (words.length > 0 && isCapitalized(words.at(-1)!)) return null;
    vietnamese = isViet;
    words.push(word.text);
    at++;
    const [next, after] = [tokens[at], tokens[at + 1]];
    const closesWord = !isWord(after) || isCapitalized(after.text);
    // `Tự do để`: the two syllables make a word; `Xanh bảo vệ`: the lowercase syllable begins the next word instead.
    const formsWord = isWord(next) && matcher.twoSyllableWords.has(`${word.accented} ${next.accented}`);
    const beginsWord = isWord(next) && !closesWord && matcher.twoSyllableWords.has(`${next.accented} ${after!.accented}`);
    const ends = formsWord || ((closesWord || !isFunctionWord(next!.text)) && !beginsWord);
    if (isViet && isWord(next) && !isCapitalized(next.text) && isVietnameseSyllable(next.text) && ends) {
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
  if (!country && words.length > 0) {
    // `đảng cực hữu Marine Le Pen`, `đảng đối lập Sam Rainsy`, `đảng La REM`: one word, then a name goes on that the reading cannot take.
    const stop = tokens[at];
    if (words.length === 1 && isWord(stop) && isCapitalized(stop.text) && !isFunctionWord(stop.text)) return null;
    const rest = wordsBeforeAbbreviation(matcher, tokens, at);
    if (rest) {
      words.push(...rest.words);
      at = rest.end;
    }
  }
  const written = words.join(' ');
  const folded = foldText(written);
  if (words.length === 0 || [...matcher.partyOrganWords].some((organ) => folded === organ || folded.startsWith(`${organ} `))) return null;
  if (country) return { start: head, nameStart, end: country.end, name: written, country: country.pattern.entities[0]!.name, abbreviation: false, members };
  const trailing = trailingCountry(matcher, tokens, at, countryAt);
  return { start: head, nameStart, end: at, name: written, country: trailing ?? null, abbreviation: false, members };
}

/**
 * `đảng Dân chủ xã hội (CSSD)`, `đảng Lao động Kurdistan (PKK)`: words the reading stopped at that
 * run up to an abbreviation in parentheses belong to the name. A lowercase word of two syllables
 * is written as names write it (`Xã hội`).
 */
function wordsBeforeAbbreviation(matcher: Matcher, tokens: Token[], at: number): { words: string[]; end: number } | null {
  const words: string[] = [];
  let end = at;
  while (end < at + 4 && isWord(tokens[end]) && !/\d/.test(tokens[end]!.text)) {
    const word = tokens[end]!;
    if (isFunctionWord(word.text) || startsWithPhrase(matcher.partyStanceWords, tokens, end) || startsCountry(matcher, tokens, end)) return null;
    const next = tokens[end + 1];
    const startsWord = !isCapitalized(word.text) && isWord(next) && !isCapitalized(next.text) && matcher.twoSyllableWords.has(`${word.accented} ${next.accented}`);
    words.push(startsWord ? `${word.text.charAt(0).toUpperCase()}${word.text.slice(1)}` : word.text);
    end++;
  }
  const [open, abbreviation, close] = [tokens[end], tokens[end + 1], tokens[end + 2]];
  const defined = words.length > 0 && open?.text === '(' && close?.text === ')' && isWord(abbreviation) && isAbbreviation(abbreviation.text);
  return defined ? { words, end } : null;
}

/**
 * The country written after a party's name, right after it (`Đảng Tiến lên Italy`) or past its
 * abbreviation and stance: `đảng Ennahdha của Tunisia`, `đảng Dân chủ (DP) đối lập Mông Cổ`, `đảng Tự do Quốc gia đối lập chính của Romania`.
 */
function trailingCountry(matcher: Matcher, tokens: Token[], end: number, countryAt: Map<number, Mention>): string | undefined {
  let at = end;
  if (tokens[at]?.text === '(' && tokens[at + 2]?.text === ')' && isWord(tokens[at + 1]) && isAbbreviation(tokens[at + 1]!.text)) at += 3;
  const stance = startsWithPhrase(matcher.partyStanceWords, tokens, at);
  if (stance) at += stance.length;
  if (isWord(tokens[at]) && matcher.partyCountryWords.has(tokens[at]!.accented)) {
    at++;
    // `Đảng Xanh ở nước này`: the country the text has just named.
    if (startsWithPhrase(matcher.thisCountryPhrases, tokens, at)) return countryBefore(countryAt, end);
  }
  return countryAt.get(at)?.pattern.entities[0]?.name;
}

function countryBefore(countryAt: Map<number, Mention>, at: number): string | undefined {
  let last: Mention | undefined;
  for (const [start, mention] of countryAt) if (start < at && (!last || start > last.start)) last = mention;
  return last?.pattern.entities[0]?.name;
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
    if (!party || covered.has(party.nameStart)) continue;
    if (tokens.slice(Math.max(0, at - 4), at).some((word) => matcher.partyNamingWords.has(word.accented))) continue;
    if (!party.abbreviation && namesKnownPartyAfter(tokens, party.end, partyStarts)) continue;
    found.push(party);
  }
  return found;
}

const LINE_BREAK: Token = { text: '\n', folded: '\n', toned: '\n', accented: '\n', kind: 'punct' };

/** Tokens with a mark at each line break, so that no name or list runs from one paragraph into the next. */
function tokenizeLines(text: string): Token[] {
  const tokens: Token[] = [];
  for (const line of text.split('\n')) {
    if (tokens.length > 0) tokens.push(LINE_BREAK);
    for (const token of tokenize(line)) tokens.push(token);
  }
  return tokens;
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
  const tokens = tokenizeLines(text);
  const credits = creditPositions(matcher, tokens);
  const links = linkAndStampPositions(tokens);
  const mentions = findMentions(matcher, tokens).filter((mention) => !credits.has(mention.start) && !links.has(mention.start));
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
        (mention.pattern.context && tokens[mention.start - 1]?.text === '(' && tokens[mention.end]?.text === ')') ||
        (mention.pattern.context && isGoverned(matcher, tokens, mention.start) && !isNameWord(tokens[mention.end])) ||
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
  const countryAt = new Map(countryMentions.map((mention) => [mention.start, mention]));
  const nearestAmong = (at: number, among: (country: string) => boolean): string | null => {
    let best: Mention | null = null;
    for (const mention of countryMentions) {
      if (!among(mention.pattern.entities[0]!.name)) continue;
      if (!best || Math.abs(mention.start - at) < Math.abs(best.start - at)) best = mention;
    }
    return best ? best.pattern.entities[0]!.name : null;
  };
  const namedParties = findNamedParties(matcher, tokens, mentions, countryMentions);
  // The countries whose parties the text names for certain (`đảng Hàn Quốc Tự do`, `đảng Ennahdha của Tunisia`):
  // a party named without its country is more likely one of theirs than of a country merely nearer.
  const partySystems = new Set([...partyCountries.values(), ...namedParties.flatMap((named) => (named.country ? [named.country] : []))]);
  const nearestCountry = (at: number, among: (country: string) => boolean = () => true): string | null =>
    nearestAmong(at, (country) => among(country) && partySystems.has(country)) ?? nearestAmong(at, among);
  // A name read without its country keeps the country of its first reading: one party per name.
  const countryOfName = new Map<string, string>();
  /** The gazetteer's party for a name and its country, or for a name that only one party bears, if that party's country is in the text. */
  const knownParty = (name: string, country: string): string | undefined => {
    const unique = matcher.partyByUniqueName.get(nameKey(name));
    return matcher.partyByName.get(nameKey(`${name} ${country}`)) ?? (unique && countries.has(matcher.partyCountry.get(unique)!) ? unique : undefined);
  };
  // A one-party state's party is in the gazetteer: a name it does not know there is another country's party.
  const mayHave = (name: string) => (country: string) => !matcher.singlePartyCountries.has(country) || knownParty(name, country) !== undefined;
  const countPartyOf = (name: string, at: number, end: number, written: string | null = null, knownOnly = false) => {
    // Past the countries whose parties the text names, a country that has a party of this name (`đảng Lao động` near `Anh`) comes first.
    const nearest = () =>
      nearestAmong(at, (country) => partySystems.has(country) && mayHave(name)(country)) ?? nearestAmong(at, (country) => knownParty(name, country) !== undefined) ?? nearestAmong(at, mayHave(name));
    const country = written ?? countryOfName.get(name) ?? nearest();
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

  const needingCountry = mentions
    .filter((mention) => mention.pattern.needsCountry)
    .map((mention) => {
      const written = trailingCountry(matcher, tokens, mention.end, countryAt);
      const candidates = mention.pattern.entities.filter((entity) => (written ? entity.country === written : countries.has(entity.country!)));
      if (candidates.length === 1) partySystems.add(candidates[0]!.country!);
      return { mention, written, candidates };
    });
  const partyStarts = new Set(mentions.filter((mention) => !isCountry(mention)).map((mention) => mention.start));
  for (const { mention, written, candidates } of needingCountry) {
    const country = candidates.length > 1 ? nearestCountry(mention.start, (name) => candidates.some((entity) => entity.country === name)) : null;
    const party = candidates.length === 1 ? candidates[0] : candidates.find((entity) => entity.country === country);
    if (party) {
      bump(parties, party.name);
      partyCountries.set(party.name, party.country!);
      defineAbbreviation(mention.end, party.name);
    } else if (candidates.length === 0 && namesAParty(matcher, tokens, mention) && !namesKnownPartyAfter(tokens, mention.end, partyStarts)) {
      countPartyOf(mention.pattern.text, mention.start, mention.end, written ?? null);
    }
  }
  const definedInText = new Set<string>();
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (tokens[at]!.text === '(' && tokens[at + 2]!.text === ')' && isAbbreviation(tokens[at + 1]!.text)) definedInText.add(tokens[at + 1]!.text);
  }
  for (const named of namedParties) {
    // `đảng Ukip`: an acronym the gazetteer knows, written in another case.
    const known = named.name.includes(' ') ? undefined : matcher.partyByAcronym.get(foldText(named.name));
    if (known) {
      bump(parties, known);
      partyCountries.set(known, matcher.partyCountry.get(known)!);
    } else if (!(named.abbreviation && definedInText.has(named.name))) {
      const head = tokens[named.start]!.text;
      countPartyOf(`${head.charAt(0).toUpperCase()}${head.slice(1)} ${named.name}`, named.start, named.end, named.country, named.members);
    }
  }
  // `hai đảng Dân chủ và Cộng hòa`, `Đảng Dân tộc Scotland và Dân chủ Tự do`: a known party's name after `và` shares the head before it.
  const headed = [
    ...mentions.filter((mention) => !isCountry(mention)).map((mention) => ({ start: mention.start, end: mention.end })),
    ...namedParties.map((named) => ({ start: named.start, end: named.end })),
  ];
  for (const { start, end } of headed) {
    const head = tokens.slice(start, end).find((token) => matcher.partyHeads.has(token.accented));
    if (!head || tokens[end]?.accented !== AND || partyStarts.has(end + 1)) continue;
    const party = readPartyName(matcher, tokens, end, countryAt);
    if (party && !party.abbreviation) countPartyOf(`${head.text.charAt(0).toUpperCase()}${head.text.slice(1)} ${party.name}`, end, party.end, party.country, true);
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
