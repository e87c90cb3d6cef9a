import { isFunctionWord } from './boilerplate.ts';
import { isCapitalized, type Token, tokenize } from './text.ts';
import { foldText, isVietnameseSyllable } from '../vietnamese/index.ts';
import { type Matcher, type Mention, type Pattern, isAcronym, matchesAt, nameKey } from './gazetteer-matcher.ts';
import { hasPhrase, isForeignNameWord, isModelNumber, isNameWord, isNumberedNameWord, isVietnameseNameSyllable, isWord, OF, OPENING_QUOTES, precededBy } from './token-shapes.ts';

/** What may stand before a sentence or a credit's name. */
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', '\n', '"', '“', '”']);

/** A name's initial: one capital, or a Vietnamese initial consonant pair (`Ng.`, `Th.`, `Tr.`). */
const INITIAL = /^(\p{Lu}|[CGKNPT]h|Ng|Tr|Gi)$/u;

/** What may stand between two countries of an enumeration (`Mỹ, Anh`, `Pháp và Anh`, `Việt - Anh`). */
const ENUMERATION_GLUE = new Set([',', '-', '/', '&', 'va', 'hoac', 'voi']);

/** A lowercase content word right before the mention governs it: `đến Anh`, `báo giới Anh`. */
export function isGoverned(matcher: Matcher, tokens: Token[], start: number): boolean {
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
    // `ông Cao Toàn Mỹ`: a capitalised function word after a name word is a syllable of the same name.
    if (isCapitalized(previous.text) && isFunctionWord(previous.text) && isNameWord(tokens[start - 2])) return true;
  }
  // `Ảnh: M.Đức`, `Ng. Nga`: after an initial, which may be a Vietnamese initial consonant pair.
  if (previous?.text === '.' && isWord(tokens[start - 2]) && INITIAL.test(tokens[start - 2]!.text)) return true;
  const governed = isWord(previous) && !isCapitalized(previous.text) && !isFunctionWord(previous.text);
  // `. Đức Toàn`, `Ảnh: Như Ý Theo`: a capitalised Vietnamese function word may be a syllable of a name that
  // opens a sentence or a credit (`ở Nga Những chiếc`, `Colorado, Mỹ Vừa` run into a sentence after it).
  // (`1. Úc Tại Úc`: a list's number is no sentence's end.)
  const numbered = previous?.text === '.' && /^\d+$/.test(tokens[start - 2]?.text ?? '');
  const opensSentence = previous?.kind !== 'word' ? SENTENCE_OPENERS.has(previous?.text ?? '\n') && !numbered : isCapitalized(previous.text) && isFunctionWord(previous.text);
  if (opensSentence && isWord(next) && isCapitalized(next.text) && isFunctionWord(next.text) && isVietnameseSyllable(tokens[start]!.text) && isVietnameseSyllable(next.text)) return true;
  if (isNameWord(next) || isNumberedNameWord(next)) {
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
export function seatsAsPlaces(matcher: Matcher, tokens: Token[]): Set<string> {
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

/** Two syllables that make a two-syllable word of the lexicon (`cập nhật`, `cộng đồng`). */
function makeLexiconWord(matcher: Matcher, left: Token | undefined, right: Token | undefined): boolean {
  return isWord(left) && isWord(right) && matcher.twoSyllableWords.has(`${left.accented} ${right.accented}`);
}

/**
 * `quyền Anh`, `gió Lào`: a short name that ends a word the lexicon writes so, after a lowercase
 * syllable, unless that syllable ends a word of its own (`chính quyền Anh`).
 */
function isCommonWordEnd(matcher: Matcher, tokens: Token[], at: number): boolean {
  const [previous, before] = [tokens[at - 1], tokens[at - 2]];
  if (!isWord(previous) || !matcher.wordsEndingInName.has(`${previous.toned} ${tokens[at]!.toned}`)) return false;
  // In `Tổ chức quyền Anh`, `chức` is taken by `Tổ chức`.
  return !(makeLexiconWord(matcher, before, previous) && !makeLexiconWord(matcher, tokens[at - 3], before));
}

/**
 * `cập nhật bản vá`, `nam phi công`, `tập trung quốc gia`: a name of several syllables written all in
 * lowercase, whose first syllable ends a word of the lexicon with the syllable before it or whose
 * last begins one with the syllable after it, is those words; Vietnamese capitalises every name.
 */
function splitsIntoCommonWords(matcher: Matcher, tokens: Token[], at: number, end: number): boolean {
  if (end - at < 2 || tokens.slice(at, end).some((token) => isCapitalized(token.text))) return false;
  return makeLexiconWord(matcher, tokens[at - 1], tokens[at]) || makeLexiconWord(matcher, tokens[end - 1], tokens[end]);
}

/**
 * `bảng Anh`, `đồng Việt Nam`: money or a measure before a country, not where its word ends a word
 * of the lexicon with the syllable before it (`cộng đồng Việt Nam`, `bình yên Nhật Bản`).
 */
export function namesCurrency(matcher: Matcher, tokens: Token[], start: number): boolean {
  const phrase = matcher.currencyWords.find((words) => precededBy([words], tokens, start));
  if (!phrase) return false;
  return !makeLexiconWord(matcher, tokens[start - phrase.length - 1], tokens[start - phrase.length]);
}

/**
 * `biển Nhật Bản`, `gió Lào`: part of a geographic name; `vùng biển Nhật Bản` (its waters) is the
 * state's. `kháng chiến chống Mỹ`, `nội chiến Syria`: part of a war's name.
 */
function isGeographicOrWarName(matcher: Matcher, tokens: Token[], at: number): boolean {
  return (precededBy(matcher.geographicWords, tokens, at) && !precededBy(matcher.territoryWords, tokens, at)) || precededBy(matcher.warWords, tokens, at) || continuesWarName(matcher, tokens, at);
}

/** `kháng chiến chống Pháp, chống Mỹ`: `chống` again after a war's name, in a list, names a second war. */
function continuesWarName(matcher: Matcher, tokens: Token[], at: number): boolean {
  if (tokens[at - 1]?.accented !== AGAINST || !ENUMERATION_GLUE.has(tokens[at - 2]?.folded ?? '')) return false;
  for (let start = at - 3; start >= at - 1 - WAR_LIST_REACH && start > 0; start--) {
    if (!isWord(tokens[start]) || !isCapitalized(tokens[start]!.text)) return false;
    if (precededBy(matcher.warWords, tokens, start)) return true;
  }
  return false;
}

const AGAINST = tokenize('chống')[0]!.accented;
/** How many words the country of the war before may have (`Bồ Đào Nha`). */
const WAR_LIST_REACH = 4;

/**
 * `Ý kiến`, `Pháp luật`, `Mỹ phẩm`, `Ý tôi là`: a short name that, with the lowercase syllable after
 * it, makes a common word of the lexicon, or that a pronoun follows.
 */
function opensCommonWord(matcher: Matcher, tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!isWord(next) || isCapitalized(next.text)) return false;
  return matcher.pronouns.has(next.accented) || matcher.commonTwoSyllableWords.has(`${tokens[at]!.accented} ${next.accented}`);
}

/** One of the head phrases that ends right before `at`: its first word as written (`Giải`, not `giải`), the others in either case (`Cúp nhà Vua`, `Cúp Nhà vua`). */
function headEndingAt(heads: string[][], tokens: Token[], at: number): string[] | undefined {
  const written = (offset: number, token: Token) => (offset === 0 ? token.toned : token.toned.toLowerCase());
  return heads.find((head) => at >= head.length && head.every((word, offset) => written(offset, tokens[at - head.length + offset]!) === word));
}

/**
 * A country at the end of a contest's, title's or publication's name (`Hoa hậu Việt Nam`, `Miss Áo
 * dài Nữ sinh Việt Nam`, `Giải Bóng bầu dục quốc gia Mỹ`): a name head, then a capitalised name of
 * content words, then the country. A head that is also a context word makes the country when it
 * stands right before it (`Nữ hoàng Anh`), and a lowercase word after the head makes a phrase, not
 * a name (`Giải pháp cho Việt Nam`).
 */
function endsNamedWork(matcher: Matcher, tokens: Token[], at: number): boolean {
  const direct = headEndingAt(matcher.nameHeads, tokens, at);
  // `Nữ hoàng Anh` is the country's queen; `Cúp nhà Vua Tây Ban Nha`, whose head only ends in a context word, a cup.
  if (direct) return contextPhraseEndingAt(matcher, tokens, at).length < direct.length;
  for (let start = at - 1; start >= 0 && start >= at - 6; start--) {
    const token = tokens[start]!;
    // A function word may be a syllable of a capitalised word (`Hàng không`), never a word of its own
    // (`Giải pháp cho`); neither `của` (`Báo The Mirror của Anh`: the paper's country) nor a word that
    // places (`World Cup U20 tại Hàn Quốc`) is one.
    const places = matcher.seatPlaceWords.some((phrase) => phrase.length === 1 && phrase[0] === token.accented);
    const syllableOfName = isWord(tokens[start - 1]) && isCapitalized(tokens[start - 1]!.text) && token.accented !== OF && !places;
    if (!isWord(token) || (isFunctionWord(token.text) && !syllableOfName) || /^\d+$/.test(token.text)) return false;
    if (isCapitalized(token.text) && (headEndingAt(matcher.nameHeads, tokens, start) || headEndingAt(matcher.publicationHeads, tokens, start))) return true;
  }
  return false;
}

/**
 * `Vietnam Airlines`, `Vietnam Idol`, `Japan Times`: a country's English name (not the name
 * Vietnamese writes) before a foreign name word opens an English name, unless a context word makes
 * it the state (`Ngoại trưởng Saudi Arabia Adel al-Jubeir`).
 */
function opensEnglishName(matcher: Matcher, pattern: Pattern, tokens: Token[], start: number, end: number): boolean {
  const entity = pattern.entities[0];
  if (entity?.kind !== 'country' || pattern.mode !== 'folded' || foldText(pattern.text) === foldText(entity.name)) return false;
  const next = tokens[end];
  return isForeignNameWord(next) && !hasContextWord(matcher, tokens, start);
}

/**
 * `tướng Abdel Fatah Al Sisi`, `Mặt trận Fatah al-Sham`: a party's one foreign word next to a
 * foreign name word, or before a foreign particle, is part of another name.
 */
function withinForeignName(tokens: Token[], start: number, end: number): boolean {
  const next = tokens[end];
  const foreignParticle = isWord(next) && !isCapitalized(next.text) && !isVietnameseSyllable(next.text);
  return isForeignNameWord(tokens[start - 1]) || isForeignNameWord(next) || foreignParticle;
}

/**
 * `Pháp mở rộng`, `Úc Mở rộng`: a country before a tail of a competition's name (`competition_tails`)
 * is the competition, where the tail is capitalised, or in a text about sport where nothing of a
 * clause follows it (a stop, a function word); elsewhere it is a verb (`Mỹ mở rộng hợp tác`,
 * `người tiêu dùng Việt Nam mở rộng ra`).
 */
function opensCompetitionName(matcher: Matcher, tokens: Token[], end: number, aboutSport: () => boolean): boolean {
  const tail = matcher.competitionTails.find((words) => words.every((word, offset) => tokens[end + offset]?.accented === word));
  if (!tail) return false;
  if (isCapitalized(tokens[end]!.text)) return true;
  const after = tokens[end + tail.length];
  return aboutSport() && (!isWord(after) || isCapitalized(after.text) || isFunctionWord(after.text));
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
  return isVietnameseNameSyllable(previous) || isForeignNameWord(next);
}

/** `SPS-40`, `PVV-Vinapharm`: an acronym joined to a number or a foreign name is a model or a company, not the party. */
function joinsForeignName(tokens: Token[], end: number): boolean {
  const [dash, next] = [tokens[end], tokens[end + 1]];
  if (dash?.kind !== 'dash' || !isWord(next)) return false;
  return /\d/.test(next.text) || (isCapitalized(next.text) && next.text !== next.text.toUpperCase() && !isVietnameseSyllable(next.text));
}

/** `VOV.VN`: an acronym after a dot that follows a word in capitals ends a domain name (an outlet's byline). */
function isDomainTail(tokens: Token[], at: number): boolean {
  const [dot, before] = [tokens[at - 1], tokens[at - 2]];
  return dot?.text === '.' && isWord(before) && before.text === before.text.toUpperCase() && /\p{L}/u.test(before.text);
}

/** Token positions inside credits in parentheses (`(Ảnh: Trần Long/Vietnam+)`, `(Nguồn: AFP/TTXVN)`). */
export function creditPositions(matcher: Matcher, tokens: Token[]): Set<number> {
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

const IS = tokenize('là')[0]!.accented;

/** `được mệnh danh là "Paris phương Đông"`, `biệt danh Brazil của châu Âu`: a nickname, `là` or a quote between. */
function givesNickname(matcher: Matcher, tokens: Token[], at: number): boolean {
  let start = at;
  if (OPENING_QUOTES.has(tokens[start - 1]?.text ?? '')) start--;
  if (tokens[start - 1]?.accented === IS) start--;
  return precededBy(matcher.nicknameWords, tokens, start);
}

/**
 * `Samsung Việt Nam`, `Công ty TNHH Uber Việt Nam`: a home country's name right after a foreign brand
 * (not an acronym, a sport or another country: `Futsal Việt Nam` is the team) closes the name of the brand's local company.
 */
function closesLocalCompanyName(matcher: Matcher, pattern: Pattern, tokens: Token[], at: number, before: Mention[]): boolean {
  const brand = tokens[at - 1];
  if (!matcher.homeCountries.has(pattern.entities[0]!.name) || !isForeignNameWord(brand) || matcher.sportNames.has(nameKey(brand!.text))) return false;
  return before.at(-1)?.end !== at && !hasContextWord(matcher, tokens, at);
}

/** A context word, or an age group's team (`U20 Anh`, `U.21 Anh`). */
export function hasContextWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  return contextPhraseEndingAt(matcher, tokens, start).length > 0 || AGE_GROUP.test(tokens[start - 1]?.text ?? '');
}

const AGE_GROUP = /^U-?\d{2}$/;

/** The longest context phrase that ends right before `start`, or none (an empty phrase). */
function contextPhraseEndingAt(matcher: Matcher, tokens: Token[], start: number): string[] {
  const ending = matcher.contextPhrases.filter((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.folded === word));
  return ending.reduce((longest, phrase) => (phrase.length > longest.length ? phrase : longest), [] as string[]);
}

/**
 * A country's name that is part of something else's here: a model number (`Mali 400MP`), a kind of
 * product, a league, a nickname, a brand's local company, a geographic, war's, work's or competition's
 * name, words of the lexicon, or a stock index.
 */
function isPartOfAnotherName(matcher: Matcher, pattern: Pattern, tokens: Token[], at: number, before: Mention[], aboutSport: () => boolean): boolean {
  const end = at + pattern.tokens.length;
  const model = tokens[end]?.kind === 'dash' ? tokens[end + 1] : tokens[end];
  return (
    isModelNumber(model) ||
    afterWordOf(matcher, matcher.styleWords, tokens, at) ||
    afterWordOf(matcher, matcher.leagueWords, tokens, at) ||
    givesNickname(matcher, tokens, at) ||
    closesLocalCompanyName(matcher, pattern, tokens, at, before) ||
    isGeographicOrWarName(matcher, tokens, at) ||
    endsNamedWork(matcher, tokens, at) ||
    opensEnglishTitle(tokens, end) ||
    splitsIntoCommonWords(matcher, tokens, at, end) ||
    opensCompetitionName(matcher, tokens, end, aboutSport) ||
    (isAcronym(pattern.text) && namesAnIndex(matcher, tokens, end))
  );
}

export function findMentions(matcher: Matcher, tokens: Token[], blocked?: Set<number>): Mention[] {
  const mentions: Mention[] = [];
  let sport: boolean | undefined;
  const aboutSport = () => (sport ??= isAboutSport(matcher, tokens));
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at]!;
    const index = token.kind === 'word' ? matcher.byFirstToken.get(token.folded) : undefined;
    const longer = index && at + 1 < tokens.length ? index.bySecondToken.get(tokens[at + 1]!.folded) : undefined;
    const candidates = index && (longer ? [...longer, ...index.oneToken] : index.oneToken);
    const pattern = candidates?.find((candidate) => {
      if (!matchesAt(candidate, tokens, at)) return false;
      const end = at + candidate.tokens.length;
      if (candidate.seat && precededBy(matcher.seatPlaceWords, tokens, at)) return false;
      if (isAcronym(candidate.text) && (isDomainTail(tokens, at) || joinsForeignName(tokens, end))) return false;
      if (candidate.entities[0]?.kind === 'country' && isPartOfAnotherName(matcher, candidate, tokens, at, mentions, aboutSport)) return false;
      if (candidate.seat && seatInName(tokens, at, end)) return false;
      if (opensEnglishName(matcher, candidate, tokens, at, end)) return false;
      if (candidate.entities[0]?.kind === 'party' && candidate.tokens.length === 1 && !isAcronym(candidate.text) && withinForeignName(tokens, at, end)) return false;
      if (candidate.exact && candidate.tokens.length === 1 && (isCommonWordEnd(matcher, tokens, at) || opensCommonWord(matcher, tokens, at))) return false;
      if (describesBeforeName(matcher, candidate, tokens, at, end)) return false;
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
export function writesAsCommonWord(tokens: Token[], mention: Mention): boolean {
  const word = tokens[mention.start]!.toned.toLowerCase();
  return mention.end - mention.start === 1 && tokens.filter((token) => token.toned === word).length >= COMMON_WORD_USES;
}

const COMMON_WORD_USES = 3;

/**
 * `London (Anh)`, `Đại học Coventry (Anh)`: a country alone in parentheses after a name places it; so
 * does one after a foreign place's name and a comma that ends the phrase (`ở Solihull, Anh.`).
 */
export function placesAfterName(tokens: Token[], mention: Mention): boolean {
  const [before, name, after] = [tokens[mention.start - 1], tokens[mention.start - 2], tokens[mention.end]];
  if (before?.text === '(') return after?.text === ')' && isNameWord(name);
  return before?.text === ',' && isForeignNameWord(name) && (after === undefined || after.kind === 'punct');
}

/**
 * Mentions that name a language or a person rather than the state: a country after a language word
 * and the countries listed after it (`tiếng Tây Ban Nha, Bồ Đào Nha`, `tiếng Nga, Hindi, Trung Quốc`); a one-word name that the text
 * also writes as a person's given name (`Nguyễn Thị Nga` ... `Nga đã bỏ trốn`), unless a context word
 * or a list of countries makes it the state.
 */
export function withoutNonStateMentions(matcher: Matcher, tokens: Token[], mentions: Mention[]): Mention[] {
  const languages = new Set(mentions.filter((mention) => listedAfterLanguageWord(matcher, tokens, mention.start)));
  const givenNames = givenNamesIn(matcher, tokens, mentions);
  return mentions.filter((mention, index) => {
    if (languages.has(mention)) return false;
    if (!givenNames.has(mention.pattern) || hasContextWord(matcher, tokens, mention.start)) return true;
    // `cả Nga và Mỹ đều cười`, where both are people of the text, is no list of countries.
    const [previous, next] = [mentions[index - 1], mentions[index + 1]];
    const listedWith = (other: Mention | undefined, left: boolean) =>
      other !== undefined && !givenNames.has(other.pattern) && (left ? enumerated(tokens, other, mention) : enumerated(tokens, mention, other));
    return listedWith(previous, true) || listedWith(next, false);
  });
}

/**
 * `tiếng Đức`, or one of a list that a language word opens (`tiếng Nga, Anh, Hindi và Trung Quốc`): back
 * from the mention over list glue and capitalised words (languages the gazetteer lacks among them) to the word.
 */
function listedAfterLanguageWord(matcher: Matcher, tokens: Token[], start: number): boolean {
  if (afterWordOf(matcher, matcher.languageWords, tokens, start)) return true;
  if (!ENUMERATION_GLUE.has(tokens[start - 1]?.folded ?? '')) return false;
  for (let at = start - 1; at > 0 && at >= start - LANGUAGE_LIST_REACH; at--) {
    const token = tokens[at]!;
    if (ENUMERATION_GLUE.has(token.folded)) continue;
    if (!isWord(token) || !isCapitalized(token.text) || /\d/.test(token.text)) return false;
    if (afterWordOf(matcher, matcher.languageWords, tokens, at)) return true;
  }
  return false;
}

const LANGUAGE_LIST_REACH = 30;

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
  const mentionStarts = new Set(mentions.map((mention) => mention.start));
  for (let at = 2; at < tokens.length; at++) {
    const pattern = oneWord.get(tokens[at]!.toned);
    if (!pattern) continue;
    // `Vũ Thị Mỹ Ngọc`: a middle name is no given name. `Cao Toàn Mỹ`: a middle name may be a function word.
    const middle = tokens[at - 1];
    // (`Úc Tại Úc`: a country before a capitalised function word is no family name.)
    const middleName =
      isVietnameseNameWord(matcher, middle) || (isWord(middle) && isCapitalized(middle.text) && isFunctionWord(middle.text) && isVietnameseSyllable(middle.text) && !mentionStarts.has(at - 2));
    if (isVietnameseNameWord(matcher, tokens[at - 2]) && middleName && !isNameWord(tokens[at + 1])) names.add(pattern);
  }
  return names;
}

/** A capitalised Vietnamese syllable of a person's name; `Viễn Đông Nga`, `miền Tây Nam Mỹ`: a direction places within the country. */
function isVietnameseNameWord(matcher: Matcher, token: Token | undefined): boolean {
  return isVietnameseNameSyllable(token) && !matcher.directionWords.has(token!.text.toLowerCase());
}

/** Only list glue (commas, `và`, dashes) stands between the two mentions. */
export function enumerated(tokens: Token[], left: Mention, right: Mention): boolean {
  if (left.end > right.start || right.start - left.end > 2) return false;
  for (let i = left.end; i < right.start; i++) if (!ENUMERATION_GLUE.has(tokens[i]!.folded)) return false;
  return true;
}

export function isAboutSport(matcher: Matcher, tokens: Token[]): boolean {
  // A cue whose words the text lacks is not looked for: one pass over the text, not one per cue.
  const words = new Set(tokens.map((token) => token.folded));
  let found = 0;
  for (const cue of matcher.sportsCues) if (cue.every((word) => words.has(word)) && hasPhrase(tokens, cue) && ++found >= 2) return true;
  return false;
}
