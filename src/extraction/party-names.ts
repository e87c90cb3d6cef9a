import { isFunctionWord } from './boilerplate.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';
import { foldText, isVietnameseSyllable } from '../vietnamese/index.ts';
import { type Matcher, type Mention, nameKey } from './gazetteer-matcher.ts';
import { abbreviationAt, CLOSING_QUOTES, isAbbreviation, isWord, OF, OPENING_QUOTES, precededBy, startsWithPhrase } from './token-shapes.ts';

/** The party whose one-word foreign name differs from `word` by one letter added, dropped or changed. */
export function misspeltForeignName(matcher: Matcher, word: string): string | undefined {
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

/**
 * Abbreviations of known parties that the text defines for something else (`Kế hoạch năng lượng
 * sạch (CPP)`): no party's name or head stands right before the parenthesis, nor words of the
 * party's own names (`liên minh cầm quyền Dân chủ Tự do (LDP)`); or that it writes after a word for
 * another kind of thing (`acronym_heads`: `chỉ số CPI`, `hãng PTI`).
 */
export function abbreviationsOfOtherThings(matcher: Matcher, tokens: Token[], mentions: Mention[]): Set<string> {
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
  for (let at = 1; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (isWord(token) && matcher.partyByAcronym.has(token.folded) && precededBy(matcher.acronymHeads, tokens, at)) others.add(token.text);
  }
  return others;
}

/** `đảng Dân chủ Tự do` names a party; `một đảng bảo thủ khác` (a conservative party) does not. */
export function namesAParty(matcher: Matcher, tokens: Token[], mention: Mention): boolean {
  const head = tokens.slice(mention.start, mention.end).findIndex((token) => matcher.partyHeads.has(token.accented));
  const name = tokens[mention.start + head + 1];
  return head >= 0 && isWord(name) && isCapitalized(name.text);
}

/**
 * The text writes the alias's name in lowercase (`một đảng bảo thủ khác` for `Đảng Bảo thủ`): its
 * first capitalised word after the head. A head capitalised inside a sentence (`lãnh đạo Đảng bảo
 * thủ cầm quyền`) still makes a name.
 */
export function writtenInLowercase(matcher: Matcher, tokens: Token[], mention: Mention): boolean {
  const words = tokenize(mention.pattern.text);
  const first = words.findIndex((word) => isCapitalized(word.text) && !matcher.partyHeads.has(word.accented));
  const written = tokens[mention.start + first];
  const head = tokens[mention.start]!;
  const namedByHead = matcher.partyHeads.has(head.accented) && isCapitalized(head.text) && mention.start > 0 && !CLAUSE_STARTS.has(tokens[mention.start - 1]!.text);
  return first >= 0 && isWord(written) && !isCapitalized(written.text) && !namedByHead;
}

/** A party name the text writes after a party head: its words, and where it ends. */
export interface NamedParty {
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

/**
 * Reads `Đảng` + name as Vietnamese writes party names: each word's first syllable capitalised
 * (`Dân tiến`, `Hợp nhất Dân chủ`), or one foreign word (`Saenuri`), or an abbreviation (`CNRT`),
 * after words of stance or membership (`đảng cực hữu Mặt trận Dân tộc`, `đảng viên Dân chủ`). Two capitalised syllables
 * in a row (`Đảng Đinh La Thăng`, `Đảng Bộ Văn hóa`) are a person or an office, not a party; a
 * foreign word after Vietnamese ones (`Dân chủ Foster`) is a person named after the party. `và`
 * joins a name only when an abbreviation follows it (`Pháp luật và Công lý (PiS)`): `đảng Cộng hòa
 * và Dân chủ` is two parties.
 */
export function readPartyName(matcher: Matcher, tokens: Token[], head: number, countryAt: Map<number, Mention>): NamedParty | null {
  const words: string[] = [];
  let at = head + 1;
  const memberWord = startsWithPhrase(matcher.partyMemberWords, tokens, at);
  // A stance is written in lowercase: `Đảng Liên minh Awami` is a name, `đảng liên minh MoDem` a stance.
  const leadIn = memberWord ?? (isWord(tokens[at]) && !isCapitalized(tokens[at]!.text) ? startsWithPhrase(matcher.partyStanceWords, tokens, at) : undefined);
  const afterLeadIn = leadIn ? tokens[at + leadIn.length] : undefined;
  const opensName = (isWord(afterLeadIn) && isCapitalized(afterLeadIn.text)) || (leadIn !== undefined && quotedName(tokens, at + leadIn.length) !== null);
  const members = leadIn !== undefined && leadIn === memberWord && opensName;
  if (leadIn && opensName) at += leadIn.length;
  const quoted = quotedName(tokens, at);
  if (quoted) {
    const country = countryAt.get(quoted.end);
    if (matcher.countryNames.has(nameKey(quoted.name))) return null;
    return { start: head, nameStart: at + 1, end: country?.end ?? quoted.end, name: quoted.name, country: country ? country.pattern.entities[0]!.name : null, abbreviation: false, members };
  }
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
    // Two capitalised words in a row are a person (`Marine Le Pen`, `Sam Rainsy`), whatever their language;
    // after a name of several words, the person follows the party (`thượng nghị sĩ Dân chủ Ron Wyden`).
    if (words.length > 0 && isCapitalized(words.at(-1)!)) {
      if (words.length === 1) return null;
      words.pop();
      at--;
      break;
    }
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

/** `Đảng "Phong trào dân chủ"`: a name in quotes, capitalised or not after its first word, up to the closing quote. */
function quotedName(tokens: Token[], at: number): { name: string; end: number } | null {
  if (!OPENING_QUOTES.has(tokens[at]?.text ?? '') || !isWord(tokens[at + 1]) || !isCapitalized(tokens[at + 1]!.text)) return null;
  for (let close = at + 2; close < tokens.length && close <= at + 9; close++) {
    const token = tokens[close]!;
    if (CLOSING_QUOTES.has(token.text))
      return {
        name: tokens
          .slice(at + 1, close)
          .map((word) => word.text)
          .join(' '),
        end: close + 1,
      };
    if (!isWord(token)) return null;
  }
  return null;
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
 * The name up to an abbreviation in parentheses that follows it within a few words (`đảng Dân chủ
 * xã hội (DPS)`, `đảng Công nhân người Kurd (PKK)`): the abbreviation closes the name. Words of
 * stance (`cầm quyền`) are not the name's.
 */
export function extendToAbbreviation(matcher: Matcher, tokens: Token[], party: NamedParty, extendedNames: ReadonlySet<string> = new Set()): NamedParty {
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
export function namesClosedByAbbreviations(matcher: Matcher, tokens: Token[], countryAt: Map<number, Mention>): Set<string> {
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

/** `và` as tokens compare it (tone mark last, not composed). */
const AND = tokenize('và')[0]!.accented;
export const [IN, COUNTRY, THIS] = tokenize('ở nước này').map((token) => token.accented);

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
export function countryAfterName(tokens: Token[], end: number, countryAt: Map<number, Mention>): string | null {
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
export function writtenPartyName(matcher: Matcher, tokens: Token[], mention: Mention, countryAt: Map<number, Mention>, aliasFits: boolean, extendedNames: ReadonlySet<string>): NamedParty | null {
  if (!matcher.partyHeads.has(tokens[mention.start]!.accented)) return null;
  const reading = readPartyName(matcher, tokens, mention.start, countryAt);
  if (!reading || reading.abbreviation || reading.members) return null;
  const written = extendToAbbreviation(matcher, tokens, reading, extendedNames);
  const aliasWords = tokenize(mention.pattern.text).map((token) => token.text);
  const lowered = aliasWords.some((word, offset) => offset > 0 && isCapitalized(word) && !isCapitalized(tokens[mention.start + offset]!.text));
  if (written.end > mention.end || (lowered && !aliasFits && written.end < mention.end)) return written;
  return null;
}

/** Where a second party name joined by a conjunction starts (`hai đảng Dân chủ và Cộng hòa`, `Đảng Dân tộc Scotland và Dân chủ Tự do`, `cả Cộng hòa lẫn Dân chủ`). */
export function coordinatedAt(matcher: Matcher, tokens: Token[], end: number): number | null {
  const [conjunction, next] = [tokens[end], tokens[end + 1]];
  return isWord(conjunction) && matcher.partyConjunctions.has(conjunction.accented) && isWord(next) && isCapitalized(next.text) ? end : null;
}

/**
 * Bare party names after a word for a party's members (`thượng nghị sĩ Cộng hòa`, `Nghị sĩ Cộng
 * hòa Chuck Grassley`, `nghị sỹ bảo thủ của Cộng hòa`): a few lowercase words may stand between;
 * after a noun for members (`những người Cộng hòa`), none. They count only as parties the gazetteer knows.
 */
export function memberReadings(matcher: Matcher, tokens: Token[], countryAt: Map<number, Mention>, inParty: ReadonlySet<number>): NamedParty[] {
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
export function findNamedParties(matcher: Matcher, tokens: Token[], mentions: Mention[], countryMentions: Mention[]): NamedParty[] {
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
