import type { YearSchedule } from './year-schedule';

// Holiday schedules announced for public servants (công chức, viên chức), built in as defaults.
// An administrator's edited schedule for the same year replaces these.
//
// Conventions: `daysOff` lists every holiday (even on a weekend), every compensation day and every
// weekday swapped away; ordinary weekends inside an announced break are not listed. Entries that
// no announcement covers follow the Labor Code (Điều 112) and say so in a comment. Facts were
// checked against the cited documents as reported by the press (chinhphu.vn, Thanh Niên,
// VietnamPlus, ...), March 2026.

const SCHEDULE_2024: YearSchedule = {
  year: 2024,
  source:
    'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Âm lịch, Quốc khánh); ' +
    'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi dịp 30/4–1/5); ' +
    'Bộ luật Lao động 2019, Điều 112 (Tết Dương lịch, Giỗ Tổ Hùng Vương)',
  daysOff: [
    { date: '2024-01-01', name: 'Tết Dương lịch' },
    // Off Thursday 8/2 to Wednesday 14/2: 5 days of Tết and 2 compensation days for mùng 1 and 2,
    // which fell on the weekend.
    { date: '2024-02-08', name: 'Tết Nguyên đán Giáp Thìn (29 tháng Chạp)' },
    { date: '2024-02-09', name: 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)' },
    { date: '2024-02-10', name: 'Tết Nguyên đán Giáp Thìn (mùng 1)' },
    { date: '2024-02-11', name: 'Tết Nguyên đán Giáp Thìn (mùng 2)' },
    { date: '2024-02-12', name: 'Tết Nguyên đán Giáp Thìn (mùng 3)' },
    { date: '2024-02-13', name: 'Tết Nguyên đán Giáp Thìn (mùng 4, nghỉ bù)' },
    { date: '2024-02-14', name: 'Tết Nguyên đán Giáp Thìn (mùng 5, nghỉ bù)' },
    { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/5/2024)' },
    { date: '2024-04-30', name: 'Ngày Chiến thắng (30/4)' },
    { date: '2024-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
    // Off Saturday 31/8 to Tuesday 3/9.
    { date: '2024-09-02', name: 'Quốc khánh (2/9)' },
    { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề 3/9)' },
  ],
  makeUpWorkdays: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024 (dịp 30/4–1/5)' }],
};

const SCHEDULE_2025: YearSchedule = {
  year: 2025,
  source:
    'Công văn 8726/VPCP-KGVX ngày 26/11/2024 và Thông báo 6150/TB-BLĐTBXH năm 2024 ' +
    '(Tết Âm lịch, hoán đổi dịp 30/4–1/5, Quốc khánh); ' +
    'Bộ luật Lao động 2019, Điều 112 (Tết Dương lịch, Giỗ Tổ Hùng Vương)',
  daysOff: [
    // A Wednesday; no swap was found for it (Labor Code only).
    { date: '2025-01-01', name: 'Tết Dương lịch' },
    // Off Saturday 25/1 to Sunday 2/2 (26 tháng Chạp to mùng 5).
    { date: '2025-01-27', name: 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)' },
    { date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)' },
    { date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ (mùng 1)' },
    { date: '2025-01-30', name: 'Tết Nguyên đán Ất Tỵ (mùng 2)' },
    { date: '2025-01-31', name: 'Tết Nguyên đán Ất Tỵ (mùng 3)' },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)' },
    { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)' },
    // Off Saturday 30/8 to Tuesday 2/9.
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề 1/9)' },
    { date: '2025-09-02', name: 'Quốc khánh (2/9)' },
  ],
  makeUpWorkdays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025 (dịp 30/4–1/5)' }],
};

const SCHEDULE_2026: YearSchedule = {
  year: 2026,
  source:
    'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); ' +
    'Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025 (Tết Âm lịch, Quốc khánh); ' +
    'Bộ luật Lao động 2019, Điều 111 và 112 (Giỗ Tổ Hùng Vương và nghỉ bù, 30/4, 1/5)',
  daysOff: [
    // Off Thursday 1/1 to Sunday 4/1.
    { date: '2026-01-01', name: 'Tết Dương lịch' },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' },
    // Off Saturday 14/2 to Sunday 22/2 (27 tháng Chạp Ất Tỵ to mùng 6 Bính Ngọ).
    { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)' },
    { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1)' },
    { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2)' },
    { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3)' },
    { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4)' },
    // Giỗ Tổ falls on a Sunday, compensated on Monday (Labor Code Điều 111 khoản 3). No swap was
    // announced for Giỗ Tổ or 30/4–1/5; press reports of March 2026 say none is planned.
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)' },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
    // Off Saturday 29/8 to Wednesday 2/9.
    { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề 1/9)' },
    { date: '2026-09-02', name: 'Quốc khánh (2/9)' },
  ],
  makeUpWorkdays: [
    { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026 (dịp Tết Dương lịch)' },
    { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8/2026 (dịp Quốc khánh)' },
  ],
};

export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [
  SCHEDULE_2024,
  SCHEDULE_2025,
  SCHEDULE_2026,
];
