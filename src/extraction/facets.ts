import type { GazetteerConfig } from '../config/language-data.ts';
import { LINE_BREAK, nonArticlePositions, tokenizeLines } from './facet-spans.ts';
import type { Token } from './text.ts';
import { foldText } from '../vietnamese/index.ts';
import { type Entity, type Mention, gazetteerMatcher, isAcronym, nameKey } from './gazetteer-matcher.ts';
import { abbreviationAt, isNameWord, isWord, precededBy, sentenceAround } from './token-shapes.ts';
import {
  creditPositions,
  enumerated,
  findMentions,
  hasContextWord,
  namesCurrency,
  seatsAsPlaces,
  isAboutSport,
  isGoverned,
  placesAfterName,
  withoutNonStateMentions,
  writesAsCommonWord,
} from './country-mentions.ts';
import {
  type NamedParty,
  abbreviationsOfOtherThings,
  coordinatedAt,
  countryAfterName,
  extendToAbbreviation,
  findNamedParties,
  memberReadings,
  misspeltForeignName,
  namesAParty,
  namesClosedByAbbreviations,
  readPartyName,
  writtenInLowercase,
  writtenPartyName,
} from './party-names.ts';

export interface Facets {
  parties: string[];
  countries: string[];
}

function rankedNames(counts: Map<string, number>): string[] {
  // Map iteration order is first-mention order, which breaks ties.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
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
  const matcher = gazetteerMatcher(config);
  const allTokens = tokenizeLines(text);
  const credits = creditPositions(matcher, allTokens);
  const elsewhere = nonArticlePositions(allTokens, matcher.relatedLinkCues, matcher.relatedTeaserCues);
  const notEntities = new Set<number>();
  const inText = findMentions(matcher, allTokens, notEntities).filter((mention) => !credits.has(mention.start) && !elsewhere.has(mention.start));
  // A link's or a credit's words are not the article's: no party is read in them, and no name runs into them;
  // nor is a party read from a head inside a phrase that names something else (`băng đảng`, `Báo Điện tử Đảng Cộng sản`).
  const masked = (token: Token, at: number) => credits.has(at) || elsewhere.has(at) || (notEntities.has(at) && matcher.partyHeads.has(token.accented));
  const tokens = allTokens.map((token, at) => (masked(token, at) ? LINE_BREAK : token));
  const otherThings = abbreviationsOfOtherThings(matcher, tokens, inText);
  const found = inText.filter((mention) => !(isAcronym(mention.pattern.text) && otherThings.has(tokens[mention.start]!.text)));
  // `bảng Anh` is money, not the state; yet it says which country a bare party name belongs to (`đảng Bảo thủ`).
  const isCurrency = (mention: Mention) => mention.pattern.entities[0]?.kind === 'country' && namesCurrency(matcher, tokens, mention.start);
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
  // `chuyển sang Monaco thi đấu`: in a text about sport, a club after a word of transfer is the club.
  const transferredTo = (mention: Mention) => sport && mention.pattern.club && precededBy(matcher.transferWords, tokens, mention.start);
  const contextual = mentions.filter(
    (mention) =>
      contextBound(mention) &&
      !transferredTo(mention) &&
      (hasContextWord(matcher, tokens, mention.start) ||
        (mention.pattern.context && isGoverned(matcher, tokens, mention.start) && !isNameWord(tokens[mention.end]) && !writesAsCommonWord(tokens, mention)) ||
        (mention.pattern.context && placesAfterName(tokens, mention)) ||
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
    const abbreviation = abbreviationAt(tokens, end);
    if (abbreviation !== null) abbreviations.set(abbreviation, party);
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
  /** A country mentioned as a place (`được cử tới Nhật Bản`) or one of a list (`với Mỹ, Trung Quốc và Nhật Bản`) says little about whose party is meant. */
  const placeOrListed = (mention: Mention) =>
    precededBy(matcher.seatPlaceWords, tokens, mention.start) || countryMentions.some((other) => enumerated(tokens, mention, other) || enumerated(tokens, other, mention));
  /**
   * Whose party a name that several countries' parties bear is: a country of its own sentence
   * (`Ứng cử viên Tổng thống Pháp của đảng Cộng hòa`), then the nearest whose parties the text names
   * for certain, then the country the text is most about (`đảng Dân chủ` in a text about Seoul
   * that names Washington once is Korea's), then the nearest.
   */
  const likeliestCountry = (at: number, candidates: Set<string>): string | null => {
    const [from, to] = sentenceAround(tokens, at);
    const inSentence = (name: string) => countryMentions.some((mention) => mention.start >= from && mention.start < to && countryOf(mention) === name && !placeOrListed(mention));
    const ofSentence = nearestAmong(at, (name) => candidates.has(name) && inSentence(name));
    const certain = [...candidates].filter((name) => partySystems.has(name));
    const ofPartySystems = nearestAmong(at, (name) => certain.includes(name)) ?? (certain.length === 1 ? certain[0]! : null);
    if (ofSentence ?? ofPartySystems) return ofSentence ?? ofPartySystems;
    const mentions = (name: string) => countries.get(name) ?? 0;
    const most = Math.max(...[...candidates].map(mentions));
    return nearestAmong(at, (name) => candidates.has(name) && mentions(name) === most);
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
    const country = candidates.length > 1 ? likeliestCountry(mention.start, new Set(candidates.map((entity) => entity.country!))) : null;
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
  const definedInText = new Set(tokens.flatMap((_, at) => abbreviationAt(tokens, at) ?? []));
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
    const conjunction = coordinatedAt(matcher, tokens, end);
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
  const matcher = gazetteerMatcher();
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
