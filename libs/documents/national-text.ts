import type { IsoDate } from '@cchc/domain';
import { parseIsoDate } from '@cchc/calendar';

/** Quốc hiệu and tiêu ngữ, at the head of every administrative document (NĐ 30/2020/NĐ-CP). */
export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_SLOGAN = 'Độc lập - Tự do - Hạnh phúc';

/** dd/mm/yyyy, as the body prints dates. */
export function shortDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "ngày 05 tháng 3 năm 2026": NĐ 30/2020 pads days below 10 and the months 1 and 2 only. */
export function longDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `ngày ${pad2(day)} tháng ${month < 3 ? pad2(month) : month} năm ${year}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * "05/BC-UBND": a document's number in its issuer's yearly sequence, two digits at least
 * (NĐ 30/2020/NĐ-CP numbers from 01), then its symbol.
 */
export function documentNumber(sequence: number, symbol: string): string {
  return `${pad2(sequence)}/${symbol}`;
}
