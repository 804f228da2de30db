import type { ParsedDeadline } from '@cchc/domain';
import type { PlanMetadata, PlanTaskPreview } from '../types';
import { qualityWarnings } from './quality-warnings';

const plan: PlanMetadata = { number: null, title: null, year: 2026, issueDate: '2026-01-12' };

const task = (sourceRow: number, deadline: Partial<ParsedDeadline>): PlanTaskPreview => ({
  sourceRow,
  ordinal: String(sourceRow),
  area: 'I',
  parent: null,
  isGroup: false,
  content: 'Việc',
  requirement: null,
  product: null,
  leader: null,
  leadUnit: null,
  coordinatingUnits: [],
  deadline: {
    kind: 'fixed',
    due: null,
    milestones: [],
    start: null,
    recurrence: null,
    raw: 'x',
    ...deadline,
  },
});

const messages = (tasks: PlanTaskPreview[], metadata = plan) =>
  qualityWarnings(metadata, tasks).map((warning) => [warning.row, warning.message]);

describe('qualityWarnings', () => {
  it('flags a deadline before the issue date, and outside the plan year', () => {
    expect(
      messages([
        task(3, { due: '2025-12-21', milestones: ['2025-12-21'], raw: 'Ngày 21/12/2025' }),
      ]),
    ).toEqual([
      [
        3,
        "Hạn 21/12/2025 ('Ngày 21/12/2025') trước ngày ban hành kế hoạch 12/01/2026; cần kiểm tra.",
      ],
      [3, "Hạn 21/12/2025 ('Ngày 21/12/2025') nằm ngoài năm kế hoạch 2026; cần kiểm tra."],
    ]);
  });

  it('checks every milestone, not only the last', () => {
    expect(
      messages([
        task(4, {
          kind: 'milestones',
          due: '2026-12-31',
          milestones: ['2027-01-15', '2026-12-31'],
        }),
      ]),
    ).toEqual([[4, "Hạn 15/01/2027 ('x') nằm ngoài năm kế hoạch 2026; cần kiểm tra."]]);
  });

  it('flags a recurring task without a reporting rhythm, not one with it', () => {
    expect(
      messages([
        task(5, { kind: 'recurring', raw: 'Thường xuyên' }),
        task(6, { kind: 'recurring', recurrence: 'monthly', raw: 'Hằng tháng' }),
      ]),
    ).toEqual([
      [
        5,
        "Nhiệm vụ 'Thường xuyên' chưa có nhịp báo cáo (hằng tháng, hằng quý…); cần đặt kỳ báo cáo.",
      ],
    ]);
  });

  it('says nothing of a deadline inside the plan year after its issue, or without a date', () => {
    expect(
      messages([
        task(7, { due: '2026-03-31', milestones: ['2026-03-31'] }),
        task(8, { kind: 'event', raw: 'Khi có văn bản' }),
      ]),
    ).toEqual([]);
    expect(
      messages([task(9, { due: '2025-12-21' })], { ...plan, issueDate: null, year: null }),
    ).toEqual([]);
  });
});
