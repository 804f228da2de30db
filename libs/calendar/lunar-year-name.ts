// The sexagenary (Can Chi) name Vietnamese gives a lunar year, e.g. 2026 → "Bính Ngọ".

const HEAVENLY_STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const EARTHLY_BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
];

export function lunarYearName(lunarYear: number): string {
  // 1984 was Giáp Tý, the first year of a 60-year cycle.
  const stem = HEAVENLY_STEMS[mod(lunarYear - 1984, 10)];
  const branch = EARTHLY_BRANCHES[mod(lunarYear - 1984, 12)];
  return `${stem} ${branch}`;
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
