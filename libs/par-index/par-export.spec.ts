import { Workbook } from 'exceljs';
import { docxText } from '../../test/support/document-text';
import { AssessmentView } from './dto/par-view.dto';
import { assessmentDocx, assessmentWorkbook } from './par-export';

const view = {
  year: 2026,
  issuer: 'UBND thành phố Hải Phòng',
  criteria: [
    {
      code: 'I',
      name: 'Công tác chỉ đạo, điều hành',
      level: 'area',
      method: 'self',
      maxPoints: 4,
      points: 3,
      acceptedPoints: 3,
      rate: null,
      score: null,
    },
    {
      code: '1.1',
      name: 'Kế hoạch CCHC năm',
      level: 'criterion',
      method: 'self',
      maxPoints: 4,
      points: 3,
      acceptedPoints: 3,
      rate: null,
      score: { status: 'accepted', note: null, surveySource: null },
    },
  ],
  areas: [{ code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 4, points: 3, percent: 75 }],
  total: { code: 'TONG', name: 'Tổng cộng', maxPoints: 4, points: 3, percent: 75 },
} as unknown as AssessmentView;

const ward = {
  name: 'Phường Mẫu',
  province: 'Thành phố Hải Phòng',
  today: '2026-12-01',
  chairmanName: 'Nguyễn Văn Thành',
};

describe('PAR Index self-assessment export', () => {
  it('is issued by the People’s Committee in full and signed by its chairman, by name', async () => {
    const text = await docxText(await assessmentDocx(view, ward));
    for (const expected of [
      'UBND THÀNH PHỐ HẢI PHÒNG ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
      'Ủy ban nhân dân Phường Mẫu báo cáo kết quả tự đánh giá',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Thành',
    ])
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    expect(text).not.toContain('UBND PHƯỜNG MẪU');
  });

  it('calls the coordinator’s acceptance what it is, not the province’s appraisal', async () => {
    const text = await docxText(await assessmentDocx(view, ward));
    expect(text).toContain('Điểm tối đa Tự đánh giá Đã duyệt');
    expect(text).not.toContain('Thẩm định');
    const workbook = new Workbook();
    await workbook.xlsx.load((await assessmentWorkbook(view)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tự đánh giá')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('Điểm đã duyệt');
    expect(sheet.getRow(3).getCell(7).value).toBe('Đã duyệt');
  });
});
