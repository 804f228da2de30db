import { render, screen, within } from '@testing-library/react';
import { ApiError } from '../api/http';
import { RowProblems } from './RowProblems';
import { stubBrowserForAntd } from '../antd-in-jsdom';

stubBrowserForAntd();

/** Each body row's cells, as a person reads them. */
const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('the problems of a refused import', () => {
  const refusal = new ApiError(400, {
    error: 'PlanImport',
    message: 'Không nhập được kế hoạch: 2 lỗi',
    errors: [
      { row: null, field: 'year', message: 'Không xác định được năm của kế hoạch; cần chọn năm.' },
      { row: 12, field: 'leadUnit', message: "Không nhận ra đơn vị chủ trì 'Phòng XYZ'." },
      { row: 14, field: 'deadline', message: 'deadline chưa hiểu được' },
    ],
  });

  it('names each row and column in Vietnamese with its labels', () => {
    render(
      <RowProblems
        error={refusal}
        labels={{ year: 'Năm', leadUnit: 'Đơn vị chủ trì', deadline: 'Thời hạn' }}
      />,
    );
    expect(rows()).toEqual([
      ['—', 'Năm', 'Không xác định được năm của kế hoạch; cần chọn năm.'],
      ['12', 'Đơn vị chủ trì', "Không nhận ra đơn vị chủ trì 'Phòng XYZ'."],
      ['14', 'Thời hạn', 'chưa hiểu được'],
    ]);
  });

  it('shows the fields as the API names them without labels', () => {
    render(<RowProblems error={refusal} />);
    expect(rows()[2]).toEqual(['14', 'deadline', 'deadline chưa hiểu được']);
  });

  it('shows nothing for a refusal without problems', () => {
    const { container } = render(
      <RowProblems error={new ApiError(409, { message: 'Xung đột' })} />,
    );
    expect(container.textContent).toBe('');
  });

  it("shows nothing for a lone problem of the whole request: the error's message says it", () => {
    const { container } = render(
      <RowProblems
        error={
          new ApiError(400, {
            error: 'ValidationFailed',
            message: 'Dữ liệu không hợp lệ: file: Tệp không phải UTF-8',
            fields: [{ field: 'file', message: 'Tệp không phải UTF-8' }],
          })
        }
      />,
    );
    expect(container.textContent).toBe('');
  });
});
