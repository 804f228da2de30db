// Vietnamese formats: dd/mm/yyyy in Asia/Ho_Chi_Minh, numbers with Vietnamese separators.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const numberFormat = new Intl.NumberFormat('vi-VN');

/** `2026-02-26` (a calendar date) → `26/02/2026`, with no time-zone shift. */
export function formatIsoDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant → `26/02/2026` as seen in Việt Nam. */
export function formatDate(instant: string | Date | null | undefined): string {
  return instant ? dateFormat.format(new Date(instant)) : '—';
}

/** An instant → `26/02/2026 14:05` as seen in Việt Nam. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  return instant ? dateTimeFormat.format(new Date(instant)).replace(',', '') : '—';
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A rate between 0 and 1 as a percentage with one decimal (0.925 → "92,5%"), never rounded up to
 * a 100% it did not reach (0.996 → "99,6%"); `none` when there is no figure.
 */
export function formatRate(value: number | null | undefined, none = '—'): string {
  return value === null || value === undefined
    ? none
    : `${formatNumber(Math.min(Math.round(value * 1000) / 10, value < 1 ? 99.9 : 100))}%`;
}

/**
 * A number as typed in Việt Nam, with a comma or a point before the decimals ("7,5" or "7.5");
 * null when the text is no number (no thousands separators: the fields that read this are small).
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  return /^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : null;
}
