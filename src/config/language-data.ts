import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { CONFIG_DIR } from './paths.ts';

const nonEmpty = z.string().trim().min(1);

const boilerplateSchema = z.object({
  function_words: z.array(nonEmpty).min(20),
  honorifics: z.array(nonEmpty),
  source_credit_words: z.array(nonEmpty).min(1),
  thresholds: z.object({
    short_syllables: z.number().int().positive(),
    good_syllables: z.number().int().positive(),
    good_function_word_share: z.number().min(0).max(1),
    heading_max_syllables: z.number().int().positive(),
  }),
});

const sourcesSchema = z.object({
  sources: z.array(
    z.object({
      name: nonEmpty,
      domains: z.array(nonEmpty).default([]),
      aliases: z.array(nonEmpty).default([]),
    }),
  ),
});

/** An alias is a plain string, or an object when it needs care to avoid false matches. */
const aliasSchema = z.union([
  nonEmpty,
  z.object({
    text: nonEmpty,
    /** Match the exact diacritics and case (`Mỹ`, not `mỳ`/`my`), with name and place guards. */
    exact: z.boolean().default(false),
    /** Count only next to another country or after a context word (`Anh`: `nước Anh`, `Mỹ, Anh`). */
    context: z.boolean().default(false),
    /** (parties) Count only when the party's country is mentioned too (`Đảng Cộng hòa` → US). */
    needs_country: z.boolean().default(false),
    /** (countries) Also a sports club's name (`Monaco`): in a text about sport, count only as `context` does. */
    club: z.boolean().default(false),
    /** (countries) A city that stands for the state only as its government (`Bắc Kinh phản đối`): not after `seat_place_words`. */
    seat: z.boolean().default(false),
  }),
]);

const gazetteerSchema = z.object({
  countries: z.array(z.object({ name: nonEmpty, aliases: z.array(aliasSchema).default([]) })),
  parties: z.array(z.object({ name: nonEmpty, country: nonEmpty, aliases: z.array(aliasSchema).default([]) })),
  /** Phrases that contain a country alias but name something else (`Mỹ Latinh`, `Lào Cai`). */
  not_entities: z.array(nonEmpty).default([]),
  /** Words after which a short ambiguous country alias is a place or a person (`huyện Mỹ Đức`). */
  place_words: z.array(nonEmpty).default([]),
  /** Words that make a `context` alias a country (`nước Anh`, `Thủ tướng Anh`). */
  country_context_words: z.array(nonEmpty).default([]),
  /** Capitalised words before a country that locate within it rather than name something (`miền Nam Italy`). */
  direction_words: z.array(nonEmpty).default([]),
  /** Words before a `seat` alias that make it a place or part of a name (`tại Vienna`, `thỏa thuận Paris`). */
  seat_place_words: z.array(nonEmpty).default([]),
  /** Words before a country that make it a kind of product or a style (`xì gà Cuba`, `kiểu Pháp`). */
  style_words: z.array(nonEmpty).default([]),
  /** Words that give a nickname, which a country after them is part of (`mệnh danh "Paris phương Đông"`). */
  nickname_words: z.array(nonEmpty).default([]),
  /** Words before a country that make it a league's or a cup's name (`giải VĐQG Bồ Đào Nha`). */
  league_words: z.array(nonEmpty).default([]),
  /** Countries the news is written in, whose name after a foreign brand names its local company (`Samsung Việt Nam`). */
  home_countries: z.array(nonEmpty).default([]),
  /** Sports whose name before a home country is its national team or federation (`Futsal Việt Nam`), not a brand. */
  sport_names: z.array(nonEmpty).default([]),
  /** Words that open a credit in parentheses (`(Ảnh: Trần Long/Vietnam+)`), which names agencies and outlets. */
  credit_words: z.array(nonEmpty).default([]),
  /** Words that make a text about sport, where a `club` alias names the club (two or more must occur). */
  sports_cues: z.array(nonEmpty).default([]),
  /** Words that open a party's name (`Đảng` + `Dân tiến` + `Nhật Bản`), for parties the gazetteer does not know. */
  party_heads: z.array(nonEmpty).default([]),
  /** Words before a party head that make it something else (`băng đảng`: a gang). */
  party_head_blockers: z.array(nonEmpty).default([]),
  /** Words after a party head that make it a party organ or member, not a name (`Đảng Ủy`, `Đảng Bộ`). */
  party_organ_words: z.array(nonEmpty).default([]),
  /** Lowercase words between a party head and the name that say where the party stands (`đảng cực hữu Mặt trận Dân tộc`). */
  party_stance_words: z.array(nonEmpty).default([]),
  /** Words between a party head and the name of a known party that make its members (`đảng viên Dân chủ`). */
  party_member_words: z.array(nonEmpty).default([]),
  /** Words shortly before a party head that make the name one under discussion (`đổi tên thành đảng Sức mạnh`). */
  party_naming_words: z.array(nonEmpty).default([]),
  /** Countries with one party, which the gazetteer names: a party it does not know is never theirs. */
  single_party_countries: z.array(nonEmpty).default([]),
  /** Words that open a list of links to other articles (`Tin liên quan`): the rest of the paragraph is not the article's text. */
  related_link_cues: z.array(nonEmpty).default([]),
  /** Words before `>>` that close a related article's teaser (`... giã từ ĐT Thổ Nhĩ Kỳ. Bấm xem >>`). */
  related_teaser_cues: z.array(nonEmpty).default([]),
  /** Words before a country that make it part of a geographic name (`biển Nhật Bản`, `gió Lào`). */
  geographic_words: z.array(nonEmpty).default([]),
  /** Words before a country that make it the name of a war (`kháng chiến chống Mỹ`, `nội chiến Syria`). */
  war_words: z.array(nonEmpty).default([]),
  /** Words before a party's acronym that make it another thing's (`chỉ số CPI`, `hãng PTI`). */
  acronym_heads: z.array(nonEmpty).default([]),
  /** Words before a club's name, in a text about sport, that make it the club a player moves to (`chuyển sang Monaco`). */
  transfer_words: z.array(nonEmpty).default([]),
  /** Pronouns after a short name that make it a common word opening a clause (`Ý tôi là`, `Anh ấy`). */
  pronouns: z.array(nonEmpty).default([]),
  /** Words for a currency before a country (`bảng Anh`, `đô la Mỹ`): the money, not the state. */
  currency_words: z.array(nonEmpty).default([]),
  /** Words before a geographic word that make the country's own territory (`vùng biển Nhật Bản`): the country counts. */
  territory_words: z.array(nonEmpty).default([]),
  /** Capitalised words that open the name of a contest, title or publication, which a country inside does not make the country (`Hoa hậu Việt Nam`, `Sách Đỏ Việt Nam`). */
  name_heads: z.array(nonEmpty).default([]),
  /** Heads of a publication's name: a country ending a longer name is part of it, one right after the head its nationality. */
  publication_heads: z.array(nonEmpty).default([]),
  /** Words after a country that end a competition's name (`Pháp mở rộng`), unless a clause goes on after them. */
  competition_tails: z.array(nonEmpty).default([]),
  /** Words before a country that make it a language (`tiếng Tây Ban Nha, Bồ Đào Nha`). */
  language_words: z.array(nonEmpty).default([]),
  /** Words for a party's members before a bare party name (`nghị sĩ Cộng hòa`): counted only for a known party. */
  party_member_titles: z.array(nonEmpty).default([]),
  party_member_nouns: z.array(nonEmpty).default([]),
  /** Words that join a second party's name to a first (`Dân chủ và Cộng hòa`, `cả Cộng hòa lẫn Dân chủ`). */
  party_conjunctions: z.array(nonEmpty).default([]),
});

export type BoilerplateConfig = z.infer<typeof boilerplateSchema>;
export type SourcesConfig = z.infer<typeof sourcesSchema>;
export type GazetteerConfig = z.infer<typeof gazetteerSchema>;
export type AliasConfig = z.infer<typeof aliasSchema>;

function loadYaml<T>(name: string, schema: z.ZodType<T>): T {
  const path = `${CONFIG_DIR}${name}`;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(`invalid ${path}: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

function cached<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const boilerplateConfig = cached(() => loadYaml('boilerplate.yaml', boilerplateSchema));
export const sourcesConfig = cached(() => loadYaml('sources.yaml', sourcesSchema));
export const gazetteerConfig = cached(() => loadYaml('gazetteer.yaml', gazetteerSchema));

/** Validates a gazetteer object (for tests and tools that build one in memory). */
export function parseGazetteer(raw: unknown): GazetteerConfig {
  return gazetteerSchema.parse(raw);
}
