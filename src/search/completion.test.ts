import { describe, expect, it } from 'vitest';
import { candidatePhrases, completionsIn, prefixReadings, suggestFromTitles } from './completion.ts';

const TITLES = [
  'Hội thảo giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile',
  'Đảng Cộng sản Việt Nam lãnh đạo',
  'Thủ tướng yêu cầu các bộ ngành',
  'Thủ tướng Nguyễn Xuân Phúc tiếp đoàn',
  'Nhiều người đang chờ đợi',
  'Tâm sự đáng suy ngẫm',
  'Thứ tự ưu tiên',
];

const completions = (title: string, prefix: string) => completionsIn(title, prefixReadings(prefix, false)[0]!);
/** Documents holding the phrase: here the titles themselves, as the index would count them. */
const count = async (phrases: string[]) => phrases.map((phrase) => TITLES.filter((title) => title.includes(phrase)).length);
const suggest = (prefix: string) => suggestFromTitles(prefix, 8, async () => TITLES, count);

describe('completionsIn', () => {
  it('completes to whole words, then to the names that follow, in the title spelling', () => {
    expect(completions(TITLES[0]!, 'dang cong san')).toEqual(['Đảng Cộng sản', 'Đảng Cộng sản Việt Nam', 'Đảng Cộng sản', 'Đảng Cộng sản Chile']);
    expect(completions(TITLES[2]!, 'thu tu')).toEqual(['Thủ tướng']);
    expect(completions(TITLES[3]!, 'thu tu')).toEqual(['Thủ tướng', 'Thủ tướng Nguyễn Xuân Phúc']);
    expect(completions('Tin thể thao', 'dang')).toEqual([]);
  });

  it('starts at a word, not inside one', () => {
    expect(completions(TITLES[1]!, 'san viet')).toEqual([]);
  });
});

describe('suggestFromTitles', () => {
  it('ranks whole phrases by how many documents hold them', async () => {
    expect(await suggest('dang cong san')).toEqual([
      { text: 'Đảng Cộng sản', count: 2 },
      { text: 'Đảng Cộng sản Việt Nam', count: 2 },
      { text: 'Đảng Cộng sản Chile', count: 1 },
    ]);
    expect(await suggest('thu tu')).toEqual([
      { text: 'Thủ tướng', count: 2 },
      { text: 'Thứ tự', count: 1 },
      { text: 'Thủ tướng Nguyễn Xuân Phúc', count: 1 },
    ]);
  });

  it('reads Telex as the word it spells, and allows one typo when nothing else completes', async () => {
    expect((await suggest('ddangr')).map((suggestion) => suggestion.text)).toEqual(['Đảng', 'Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Chile']);
    expect((await suggest('thu tuongg')).map((suggestion) => suggestion.text)).toEqual(['Thủ tướng', 'Thủ tướng Nguyễn Xuân Phúc']);
    expect(await suggest('xyz')).toEqual([]);
  });

  it('keeps the commonest spelling of a phrase', () => {
    const readings = prefixReadings('viet nam', false);
    expect(candidatePhrases(['Việt Nam thắng', 'VIỆT NAM', 'Đội tuyển Việt Nam'], readings)).toEqual([{ text: 'Việt Nam', count: 3 }]);
  });
});
