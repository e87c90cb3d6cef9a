import { describe, expect, it } from 'vitest';
import { titleClashes, titleClashShare } from './title-clashes.ts';

describe('titleClashes', () => {
  it('flags a title holding a twin of the query but not the query', () => {
    expect(titleClashes('đảng', 'Tâm sự đáng suy ngẫm của một người lính')).toBe(true);
    expect(titleClashes('đảng', 'IS đang tháo chạy khỏi Mosul')).toBe(true);
    expect(titleClashes('truyền thống', 'Mở rộng hợp tác truyền thông')).toBe(true);
  });

  it('accepts a title holding the query itself, even beside a twin', () => {
    expect(titleClashes('đảng', 'Đảng viên đang học tập')).toBe(false);
    expect(titleClashes('truyền thống', 'Truyền thông và truyền thống')).toBe(false);
  });

  it('treats other tone placements and i/y spellings as the query itself', () => {
    expect(titleClashes('hòa bình', 'Tiến trình hoà bình')).toBe(false);
    expect(titleClashes('kỹ thuật', 'Hỗ trợ kĩ thuật')).toBe(false);
  });

  it('counts whole words only, and nothing for titles without the letters', () => {
    expect(titleClashes('bán', 'Bàn giao nhà')).toBe(true);
    expect(titleClashes('bán', 'Bản đồ và bang')).toBe(true);
    expect(titleClashes('bán', 'Ngân hàng bang Texas')).toBe(false);
    expect(titleClashes('bán', 'Thời tiết hôm nay')).toBe(false);
  });

  it('never flags a query without diacritics', () => {
    expect(titleClashes('dang', 'Đảng viên đang học tập')).toBe(false);
  });
});

describe('titleClashShare', () => {
  it('is the share of the hits whose titles clash', () => {
    expect(titleClashShare('bán', ['Tái bản sách', 'Bán hàng online', 'Bạn bè', 'Giá vàng'])).toBe(0.5);
    expect(titleClashShare('bán', [])).toBe(0);
  });
});
