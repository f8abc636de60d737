import { describe, expect, it } from 'vitest';
import { kstDisplay, kstToEpoch, kstYmd, kstYmdHms, parseKstDateTime } from '../../../lib/epost/kst';

describe('KST dates', () => {
  it('reqYmd follows the Seoul calendar day, not UTC', () => {
    // 2024-03-31 23:30 UTC is already 2024-04-01 08:30 in Seoul
    const d = new Date(Date.UTC(2024, 2, 31, 23, 30));
    expect(kstYmd(d)).toBe('20240401');
    expect(kstYmdHms(d)).toBe('20240401083000');
    expect(kstDisplay(d)).toBe('2024-04-01 08:30');
    // 14:59 UTC is 23:59 KST the same day; 15:00 UTC rolls over
    expect(kstYmd(new Date(Date.UTC(2024, 11, 31, 14, 59)))).toBe('20241231');
    expect(kstYmd(new Date(Date.UTC(2024, 11, 31, 15, 0)))).toBe('20250101');
  });

  it('converts KST wall-clock back to the instant', () => {
    expect(kstToEpoch(2024, 4, 1, 8, 30)).toBe(Date.UTC(2024, 2, 31, 23, 30));
    expect(kstToEpoch(2024, 2, 30)).toBeUndefined();
    expect(kstToEpoch(2024, 13, 1)).toBeUndefined();
    expect(kstToEpoch(2024, 1, 1, 24)).toBeUndefined();
  });

  it.each([
    ['20240105', '', Date.UTC(2024, 0, 4, 15, 0)],
    ['20240105', '134501', Date.UTC(2024, 0, 5, 4, 45, 1)],
    ['20240105', '1345', Date.UTC(2024, 0, 5, 4, 45)],
    ['2024.01.05', '', Date.UTC(2024, 0, 4, 15, 0)],
    ['2024.01.05', '13:45', Date.UTC(2024, 0, 5, 4, 45)],
    ['2024-01-05', '13:45:10', Date.UTC(2024, 0, 5, 4, 45, 10)],
    ['2024-01-05 13:45', '', Date.UTC(2024, 0, 5, 4, 45)],
    ['2024.1.5', '', Date.UTC(2024, 0, 4, 15, 0)],
    ['20240105134501', '', Date.UTC(2024, 0, 5, 4, 45, 1)],
  ])('parses %s %s', (date, time, expected) => {
    expect(parseKstDateTime(date, time)).toBe(expected);
  });

  it.each([
    ['', ''],
    ['2024/13/01', ''],
    ['yesterday', ''],
    ['20240105', '25:00'],
    ['20240105', 'abc'],
  ])('rejects %s %s', (date, time) => {
    expect(parseKstDateTime(date, time)).toBeUndefined();
  });
});
