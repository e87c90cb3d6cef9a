import { describe, expect, it } from 'vitest';
import { completionIn } from './completion.ts';

describe('completionIn', () => {
  it('completes the last typed word and adds the next one, in the title spelling', () => {
    expect(completionIn('Hội thảo giữa Đảng Cộng sản Việt Nam và Chile', ['dang', 'cong', 's'])).toBe('Đảng Cộng sản Việt');
    expect(completionIn('Tin thể thao', ['dang'])).toBeNull();
  });
});
