import { describe, expect, it } from 'vitest';
import { datelineDate, isDateOnly, metadataDate, textDate } from './dates.ts';

describe('datelines', () => {
  it('recognizes date-only lines and reads them', () => {
    expect(isDateOnly('Thứ hai, 26/04/2021 19:36')).toBe(true);
    expect(isDateOnly('Cập nhật: 08:00 12/03/2021 (GMT+7)')).toBe(true);
    expect(isDateOnly('Ngày 26/4/2021, đồng chí Lê Hoài Trung chủ trì hội nghị')).toBe(false);
    expect(datelineDate(['Thứ hai, 26/04/2021 19:36'])).toEqual({ date: '2021-04-26', year: 2021, date_source: 'explicit' });
  });
});

describe('textDate', () => {
  it('a full date opening the lead is explicit', () => {
    expect(textDate(['Sáng 6/2/2017, tại Hà Nội, Bộ Ngoại giao tổ chức họp báo thường kỳ về tình hình quốc tế.'])).toEqual({
      date: '2017-02-06',
      year: 2017,
      date_source: 'explicit',
    });
  });

  it('a partial date takes a year only from the same day written with a year', () => {
    const lead = 'Ngày 19/4, đồng chí Lê Hoài Trung đã hội đàm trực tuyến với đồng chí Tống Đào.';
    expect(textDate([lead, 'Kế hoạch hợp tác giai đoạn 2021-2025 được ký kết.'])).toEqual({ date: null, year: null, date_source: null });
    expect(textDate([lead, 'Cuộc hội đàm (19/4/2022) diễn ra tốt đẹp.'])).toEqual({ date: '2022-04-19', year: 2022, date_source: 'inferred' });
  });

  it('anniversaries do not lend their old year; their range ends on the day itself', () => {
    const lead = 'Tối 14/6, tại Quảng trường Hồ Chí Minh, tỉnh Nghệ An tổ chức Lễ kỷ niệm 60 năm ngày Bác Hồ về thăm quê (14/6/1957 - 14/6/2017).';
    expect(textDate([lead]).year).toBe(2017);
    expect(textDate(['Ngày 6-2, Vương quốc Anh kỷ niệm 65 năm ngày Nữ hoàng trị vì, bắt đầu từ 6/2/1952.']).year).toBeNull();
  });

  it('an opening date older than a year the article looks back on is not the article\'s', () => {
    expect(textDate(['Ngày 6/2/1952, Công chúa Elizabeth kế vị ngôi vua.', 'Năm 2017, Nữ hoàng kỷ niệm ngày này.']).year).toBeNull();
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
