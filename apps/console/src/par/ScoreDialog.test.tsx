import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { type Dialog, ScoreDialog } from './ScoreDialog';
import type { Criterion, ScoreValues } from './types';
import { stubBrowserForAntd } from '../antd-in-jsdom';

const criterion: Criterion = {
  id: 'c-2.1',
  code: '2.1',
  name: 'Rà soát văn bản quy phạm pháp luật',
  level: 'criterion',
  parentCode: 'II',
  maxPoints: 10,
  method: 'self',
  metric: null,
  leaf: true,
  rate: null,
  points: 7.5,
  acceptedPoints: null,
  score: {
    score: 7.5,
    status: 'returned',
    note: null,
    evidenceIds: [],
    taskIds: [],
    figures: [],
    enteredBy: 'u-1',
    enteredAt: '2026-03-02T03:00:00Z',
    reviewedBy: 'u-2',
    reviewedAt: '2026-03-03T03:00:00Z',
    reviewReason: 'Thiếu minh chứng',
    surveyRate: 87.5,
    surveySource: 'Quyết định số 1234/QĐ-UBND',
  },
  tasks: [],
};

stubBrowserForAntd();

function Harness({ kind, onFinish }: { kind: Dialog['kind']; onFinish: (v: ScoreValues) => void }) {
  const [form] = Form.useForm<ScoreValues>();
  return (
    <ScoreDialog
      dialog={{ criterion, kind }}
      form={form}
      pending={false}
      error={null}
      onCancel={() => undefined}
      onFinish={onFinish}
    />
  );
}

describe('the score and survey dialog', () => {
  it('keeps a non-number typed over the score and says why beside it, sending nothing', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    render(<Harness kind="score" onFinish={onFinish} />);
    const points = screen.getByLabelText(/^Điểm/);
    expect(points).toHaveProperty('value', '7,5');

    await user.clear(points);
    await user.type(points, 'abc');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    expect(await screen.findByText('Nhập một số, ví dụ 7,5')).toBeTruthy();
    expect(points).toHaveProperty('value', 'abc');
    expect(onFinish).not.toHaveBeenCalled();

    // A comma before the decimals, as Vietnamese users write them.
    await user.clear(points);
    await user.type(points, '8,25');
    await user.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledOnce());
    expect(onFinish.mock.calls[0][0]).toMatchObject({ score: 8.25 });
    expect(points).toHaveProperty('value', '8,25');
  });

  it('does the same for the survey rate, which takes a point as well', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    render(<Harness kind="survey" onFinish={onFinish} />);
    const rate = screen.getByLabelText(/^Tỷ lệ \(%\)/);
    expect(rate).toHaveProperty('value', '87,5');

    await user.clear(rate);
    await user.type(rate, '9o');
    await user.click(screen.getByRole('button', { name: 'Lưu kết quả' }));
    expect(await screen.findByText('Nhập một số, ví dụ 7,5')).toBeTruthy();
    expect(rate).toHaveProperty('value', '9o');
    expect(onFinish).not.toHaveBeenCalled();

    await user.clear(rate);
    await user.type(rate, '90.5');
    await user.click(screen.getByRole('button', { name: 'Lưu kết quả' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledOnce());
    expect(onFinish.mock.calls[0][0]).toMatchObject({ rate: 90.5 });
  });

  it('still asks for a score when the field is emptied', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    render(<Harness kind="score" onFinish={onFinish} />);
    await user.clear(screen.getByLabelText(/^Điểm/));
    await user.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    expect(await screen.findByText('Cần nhập điểm')).toBeTruthy();
    expect(screen.queryByText('Nhập một số, ví dụ 7,5')).toBeNull();
    expect(onFinish).not.toHaveBeenCalled();
  });
});
