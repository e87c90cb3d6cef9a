import { opensSourceCredit } from './boilerplate.ts';
import { isCapitalized, tokenize, type Token } from './text.ts';

/** Stands between the tokens of two lines: no name or list runs across it. */
export const LINE_BREAK: Token = { text: '\n', folded: '\n', toned: '\n', accented: '\n', kind: 'punct' };

/** The tokens of a text, line by line, with LINE_BREAK between lines (a title does not run into the lead). */
export function tokenizeLines(text: string): Token[] {
  const tokens: Token[] = [];
  for (const line of text.split('\n')) {
    const words = tokenize(line);
    if (words.length === 0) continue;
    if (tokens.length > 0) tokens.push(LINE_BREAK);
    tokens.push(...words);
  }
  return tokens;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '\n']);

/** `| 18:27` or `| 10h05`: a bar, then a clock time, as outlets print a publication stamp. */
function isStampAt(tokens: Token[], at: number): boolean {
  const [bar, hours, colon, minutes] = [tokens[at], tokens[at + 1], tokens[at + 2], tokens[at + 3]];
  if (bar?.text !== '|' || hours === undefined) return false;
  return /^\d{1,2}h\d{2}$/.test(hours.text) || (/^\d{1,2}$/.test(hours.text) && colon?.text === ':' && /^\d{2}$/.test(minutes?.text ?? ''));
}

/** The length of the capitalised cue at `at` (`Tin liên quan`, not `xem thêm` in a sentence), or 0. */
function capitalisedCueAt(tokens: Token[], at: number, cues: string[][]): number {
  const first = tokens[at]!;
  if (first.kind !== 'word' || !isCapitalized(first.text)) return 0;
  const cue = cues.find((words) => words.every((word, offset) => tokens[at + offset]?.accented === word));
  return cue?.length ?? 0;
}

/** A teaser is a headline and a sentence; a longer run without a stop is a table or a list running into it. */
const TEASER_WORDS = 60;

/** Where the teaser that ends right before `at` starts: the sentence before (its final stop skipped), at most TEASER_WORDS words. */
function teaserBefore(tokens: Token[], at: number): number {
  let start = SENTENCE_ENDS.has(tokens[at - 1]?.text ?? '') ? at - 1 : at;
  let words = 0;
  while (start > 0 && !SENTENCE_ENDS.has(tokens[start - 1]!.text) && words < TEASER_WORDS) {
    start--;
    if (tokens[start]!.kind === 'word') words++;
  }
  return start;
}

/**
 * Token positions that are not the article's own words: the byline before an outlet's publication
 * stamp (`NT - Thể Thao Việt Nam | 18:27 20/05/2017`), a related article's headline in brackets
 * (`[Trung Quốc trong top 10 nước có ...]`), the headlines after a link cue up to the end of
 * the sentence or line (`Tin liên quan ...`, `>> Xem thêm: ...`), a related article's teaser before
 * a cue and `>>` (`Vì chuyện tiền: ... giã từ ĐT Thổ Nhĩ Kỳ. Bấm xem >>`), whose headline has no stop
 * of its own, back to the sentence before, and a source credit on the last line
 * (`Theo Gia đình Việt Nam`). Short brackets (`họ [Mỹ] sẽ`) are the writer's, and stay.
 */
export function nonArticlePositions(tokens: Token[], linkCues: string[][], teaserCues: string[][]): Set<number> {
  const positions = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let at = from; at < to; at++) positions.add(at);
  };
  for (let at = 0; at < tokens.length; at++) {
    if (isStampAt(tokens, at)) {
      let start = at;
      while (start > 0 && !SENTENCE_ENDS.has(tokens[start - 1]!.text)) start--;
      mark(start, at);
    } else if (tokens[at]!.text === '[') {
      let close = at + 1;
      while (close < tokens.length && tokens[close]!.text !== ']' && tokens[close] !== LINE_BREAK) close++;
      const words = tokens.slice(at + 1, close).filter((token) => token.kind === 'word').length;
      if (tokens[close]?.text === ']' && words >= 5) mark(at, close);
    } else if (capitalisedCueAt(tokens, at, linkCues) > 0) {
      let end = at;
      while (end < tokens.length && !SENTENCE_ENDS.has(tokens[end]!.text)) end++;
      mark(at, end);
    } else {
      const teaserCue = capitalisedCueAt(tokens, at, teaserCues);
      if (teaserCue > 0 && tokens[at + teaserCue]?.text === '>') mark(teaserBefore(tokens, at), at + teaserCue);
    }
  }
  const credit = lastLineCredit(tokens);
  if (credit !== null) mark(credit, tokens.length);
  return positions;
}

/**
 * `Hạ Tú/ Theo Gia đình Việt Nam`: a short last line that credits the source, from the name after
 * `Theo` or another of `source_credit_words` (at the line's start or after a slash, dot or dash) to the end; a sentence (`Theo chính
 * quyền Anh, ...`) is not one.
 */
function lastLineCredit(tokens: Token[]): number | null {
  const lastLine = tokens.lastIndexOf(LINE_BREAK) + 1;
  const line = tokens.slice(lastLine);
  if (line.filter((token) => token.kind === 'word').length > 12 || line.some((token) => token.text === ',')) return null;
  const at = line.findIndex((token, index) => isCapitalized(token.text) && opensSourceCredit(token.text) && (index === 0 || ['/', '.', '-'].includes(line[index - 1]!.text)));
  return at >= 0 && isCapitalized(line[at + 1]?.text ?? '') ? lastLine + at + 1 : null;
}
