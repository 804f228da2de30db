import { readPlanText } from '@cchc/plan-import';
import { describeWithSeed } from '../../test/support/seeds';
import { suggestTargets, SuggestedTarget } from './target-sentences';

const lines = (...texts: string[]) => texts.map((text, index) => ({ sourceRow: index + 1, text }));
const brief = (target: SuggestedTarget) => [
  target.unit,
  target.comparator,
  target.value,
  target.metric,
];

describe('suggestTargets', () => {
  it('reads only the targets part, joining an item broken over lines', () => {
    const targets = suggestTargets(
      lines(
        'I. MỤC ĐÍCH, YÊU CẦU',
        '- Bảo đảm 100% cán bộ nắm vững nhiệm vụ.',
        'II. MỘT SỐ CHỈ TIÊU CHỦ YẾU',
        '1. Tỷ lệ hồ sơ giải quyết đúng hạn',
        'đạt từ 95% trở lên.',
        '2. Không có chỉ tiêu nào ở đây.',
        'III. NHIỆM VỤ',
        '1. Công khai 100% thủ tục.',
      ),
    );
    expect(targets).toEqual([
      {
        sentence: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 95% trở lên.',
        sourceRow: 4,
        unit: 'percent',
        comparator: 'gte',
        value: 95,
        qualitative: null,
        metric: 'dossiers_on_time',
      },
    ]);
  });

  it('reads "tối đa" as at most, a rank as at most that place, years never as counts', () => {
    const targets = suggestTargets(
      lines(
        '2. Một số chỉ tiêu:',
        'a) Tỷ lệ hồ sơ trễ hạn tối đa 5%.',
        'b) Phấn đấu trong top 15 khối phường năm 2026.',
        'c) Trong năm 2026 tổ chức tốt công tác.',
        'd) Hạn chế tối đa hồ sơ quá hạn.',
      ),
    );
    expect(targets.map(brief)).toEqual([
      ['percent', 'lte', 5, null],
      ['count', 'lte', 15, null],
      [null, null, null, null],
    ]);
    expect(targets[2].qualitative).toBe('Hạn chế tối đa hồ sơ quá hạn');
  });

  it('reads the whole narrative when it has no targets heading', () => {
    expect(suggestTargets(lines('100% hồ sơ quá hạn có văn bản xin lỗi.')).map(brief)).toEqual([
      ['percent', 'eq', 100, 'apology_coverage'],
    ]);
  });
});

describeWithSeed('000', 'suggestTargets on seed 000 (narrative of a 2025 plan)', (seedText) => {
  it('suggests the figures of "II. MỘT SỐ CHỈ TIÊU CHỦ YẾU", each with its sentence', () => {
    const targets = suggestTargets(readPlanText(seedText()).text);
    expect(targets.map(brief)).toEqual([
      ['count', 'lte', 30, null],
      ['percent', 'eq', 100, null],
      ['percent', 'eq', 100, 'tasks_on_time'],
      ['percent', 'eq', 100, null],
      ['percent', 'eq', 100, 'units_self_inspected'],
      ['percent', 'eq', 100, null],
      [null, null, null, null],
      ['percent', 'gte', 90, null],
      ['percent', 'gte', 90, null],
    ]);
    expect(targets[2].sentence).toMatch(/^Hoàn thành, đảm bảo tiến độ, chất lượng 100% nhiệm vụ/);
    expect(targets[6].qualitative).toMatch(/^Hạn chế tối đa hồ sơ/);
  });
});

describeWithSeed('002', 'suggestTargets on seed 002 (narrative of a 2026 plan)', (seedText) => {
  it('suggests the figures of "2. Một số chỉ tiêu chủ yếu", none from the task table', () => {
    const targets = suggestTargets(readPlanText(seedText()).text);
    expect(targets.map(brief)).toEqual([
      ['count', 'lte', 15, null],
      ['percent', 'eq', 100, null],
      ['percent', 'eq', 100, 'tasks_on_time'],
      ['percent', 'eq', 100, 'units_self_inspected'],
      ['percent', 'eq', 100, null],
      [null, null, null, null],
      ['percent', 'gte', 90, null],
    ]);
    expect(targets[5].sentence).toMatch(/^Hạn chế tối đa hồ sơ giải quyết thủ tục hành chính/);
  });
});
