import { describe, expect, it } from 'vitest';
import { datelineDate, isDateOnly, metadataDate, stampedDate } from './dates.ts';

describe('datelines', () => {
  it('recognizes date-only lines and reads them', () => {
    expect(isDateOnly('Thứ hai, 26/04/2021 19:36')).toBe(true);
    expect(isDateOnly('Cập nhật: 08:00 12/03/2021 (GMT+7)')).toBe(true);
    expect(isDateOnly('Ngày 26/4/2021, đồng chí Lê Hoài Trung chủ trì hội nghị')).toBe(false);
    expect(datelineDate(['Thứ hai, 26/04/2021 19:36'])).toEqual({ date: '2021-04-26', year: 2021, date_source: 'explicit' });
  });
});

describe('stampedDate', () => {
  it('reads the stamp an outlet prints under or above an article', () => {
    const stamp = { date: '2017-02-06', year: 2017, date_source: 'explicit' };
    expect(stampedDate(['Chelsea thắng 3-1.', 'Tiểu Lam - Thể thao Việt Nam | 11:02 06/02/2017 Tin liên quan'])).toEqual(stamp);
    expect(stampedDate(['Cập nhật: 08:15 | 06/02/2017'])).toEqual(stamp);
    expect(stampedDate(['Ngày đăng: 06-02-2017, bài viết'])).toEqual(stamp);
    expect(stampedDate(['Thứ hai, 06/02/2017 | 10:30'])).toEqual(stamp);
  });

  it('never takes the date of an event for the publication date', () => {
    // An attack reported on 8/7 that recalls a killing on 8/7/2016 (22706050).
    const attack = ['Ngày 8/7, truyền thông đưa tin 3 binh sĩ thiệt mạng.', 'Thủ lĩnh phiến quân bị tiêu diệt vào ngày 8/7/2016.'];
    expect(stampedDate(attack)).toBeNull();
    // A decree that takes effect on 5-8-2017 (22714095).
    expect(stampedDate(['Kể từ ngày 5-8, quyết định có hiệu lực.', 'Từ ngày 5-8-2017, hạn mức được nâng.'])).toBeNull();
    expect(stampedDate(['Mời độc giả đón đọc kỳ sau vào 7h, ngày 8/2/2017.', 'Báo cáo trước ngày 10/02/2017.'])).toBeNull();
    expect(stampedDate(['Sáng 6/2/2017, tại Hà Nội, Bộ Ngoại giao họp báo.'])).toBeNull();
  });
});

describe('metadataDate', () => {
  it('accepts ISO dates, Vietnamese dates, timestamps and bare years', () => {
    expect(metadataDate('2021-04-26T19:36:00+07:00')?.date).toBe('2021-04-26');
    expect(metadataDate('26/04/2021')?.date).toBe('2021-04-26');
    expect(metadataDate(2017)).toEqual({ date: null, year: 2017, date_source: 'metadata' });
    expect(metadataDate('không rõ')).toBeNull();
  });
});
