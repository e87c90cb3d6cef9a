/**
 * Scores the word segmenter against a gold file (one sentence per line, '_' joining the syllables
 * of a word): precision, recall and F1 over word spans, printed as one JSON line. News writes
 * either tone placement and either i/y spelling (`hòa`/`hoà`, `kỹ`/`kĩ`) where a gold file holds
 * one: the same scores for the gold rewritten in canonical spelling (`canonicalSyllable`, the
 * other placement) are printed as `respelled`.
 * Usage: npx tsx scripts/eval-segmentation.ts ../shared/eval/segmentation-gold.txt
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../src/errors.ts';
import { segmentText } from '../src/vietnamese/index.ts';
import { canonicalSyllable } from '../src/vietnamese/syllable.ts';

/** Each word as its [start, end) span over the line's characters with spaces and '_' left out. */
function wordSpans(words: readonly string[]): Set<string> {
  const spans = new Set<string>();
  let position = 0;
  for (const word of words) {
    const length = word.replaceAll('_', '').length;
    spans.add(`${position}:${position + length}`);
    position += length;
  }
  return spans;
}

function evaluate(lines: readonly string[], goldPath: string): { sentences: number; precision: number; recall: number; f1: number } {
  let correct = 0;
  let predicted = 0;
  let expected = 0;
  let sentences = 0;
  for (const line of lines) {
    const goldWords = line.trim().split(/\s+/).filter(Boolean);
    if (goldWords.length === 0) continue;
    sentences++;
    const gold = wordSpans(goldWords);
    const guess = wordSpans(segmentText(goldWords.join(' ').replaceAll('_', ' ')).split(' ').filter(Boolean));
    for (const span of guess) if (gold.has(span)) correct++;
    predicted += guess.size;
    expected += gold.size;
  }
  if (sentences === 0) throw new InputError('no sentences in the gold file', goldPath);
  const precision = correct / predicted;
  const recall = correct / expected;
  return { sentences, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

const goldPath = process.argv[2];
if (goldPath === undefined) {
  console.error('usage: eval-segmentation.ts GOLD_FILE');
  process.exit(2);
}
try {
  const lines = readFileSync(goldPath, 'utf8').split('\n');
  const round = (value: number) => Number(value.toFixed(4));
  const { sentences, precision, recall, f1 } = evaluate(lines, goldPath);
  const respelled = evaluate(
    lines.map((line) => line.replace(/[\p{L}\p{M}]+/gu, canonicalSyllable)),
    goldPath,
  );
  console.log(
    JSON.stringify({
      gold: goldPath,
      sentences,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      respelled: { precision: round(respelled.precision), recall: round(respelled.recall), f1: round(respelled.f1) },
    }),
  );
} catch (error) {
  console.error(error instanceof InputError ? error.describe() : error);
  process.exit(1);
}
