import { docxText } from '../../test/support/document-text';
import { DEFAULT_CHECKLIST } from './checklist';
import {
  CampaignDocumentSource,
  renderMinutesDocx,
  renderNoticeDocx,
} from './inspection-documents';

const campaign: CampaignDocumentSource = {
  wardName: 'Phường Mẫu',
  place: 'Hải Phòng',
  title: 'Kiểm tra công tác cải cách hành chính',
  decisionNumber: '45/QĐ-UBND',
  decisionDate: '2026-03-02',
  kind: 'khong_bao_truoc',
  year: 2026,
  headName: 'Đặng Quốc Việt',
  inspectorNames: ['Lê Minh Đức'],
};
const finding = {
  unitName: 'Phòng Văn hóa - Xã hội',
  topicTitle: 'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)',
  description: 'Sổ theo dõi phản ánh ghi chép không đầy đủ',
  severity: 'trung_binh' as const,
  parCode: '3.2.1',
  recommendation: 'Cập nhật sổ theo dõi đầy đủ.',
  remedy: 'Đã giao nhiệm vụ khắc phục, hạn 30/06/2026.',
};

describe('inspection documents', () => {
  it('writes the minutes of a visit with its checklist and findings', async () => {
    const text = await docxText(
      await renderMinutesDocx({
        ...campaign,
        unitName: 'Phòng Văn hóa - Xã hội',
        doneOn: '2026-04-10',
        minutesNumber: '03/BB-ĐKT',
        topics: DEFAULT_CHECKLIST,
        results: [
          { topicCode: 'PAKN', result: 'khong_dat', note: 'Thiếu sổ theo dõi' },
          { topicCode: 'MOT_CUA', result: 'dat', note: null },
        ],
        minutes: 'Đơn vị chấp hành nghiêm túc.',
        findings: [finding],
      }),
    );
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
      'Số: 03/BB-ĐKT',
      'Tại: Phòng Văn hóa - Xã hội',
      'Hải Phòng, ngày 10 tháng 4 năm 2026',
      'Quyết định số 45/QĐ-UBND ngày 02/03/2026',
      '(không báo trước)',
      'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) Không đạt Thiếu sổ theo dõi',
      'Hoạt động của Bộ phận một cửa Đạt',
      'Thực hành tiết kiệm, chống lãng phí Chưa kiểm tra',
      'Sổ theo dõi phản ánh ghi chép không đầy đủ (mức độ: trung bình; tiêu chí PAR Index 3.2.1)',
      'TRƯỞNG ĐOÀN KIỂM TRA',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes the conclusion notice signed by the chairman', async () => {
    const text = await docxText(
      await renderNoticeDocx({
        ...campaign,
        noticeNumber: '12/TB-UBND',
        concludedOn: '2026-04-20',
        chairmanName: 'Nguyễn Văn Thành',
        unitNames: ['Phòng Văn hóa - Xã hội', 'Văn phòng HĐND&UBND'],
        findings: [finding],
      }),
    );
    for (const expected of [
      'Số: 12/TB-UBND',
      'Hải Phòng, ngày 20 tháng 4 năm 2026',
      'Kết luận kiểm tra công tác cải cách hành chính năm 2026',
      'đã kiểm tra 2 đơn vị: Phòng Văn hóa - Xã hội, Văn phòng HĐND&UBND',
      '1. Phòng Văn hóa - Xã hội — Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)',
      'Đã giao nhiệm vụ khắc phục, hạn 30/06/2026.',
      'CHỦ TỊCH Nguyễn Văn Thành',
    ]) {
      expect(text).toContain(expected);
    }
  });

  const notice = (source: Partial<CampaignDocumentSource>, recommendation: string) =>
    renderNoticeDocx({
      ...campaign,
      ...source,
      noticeNumber: '12/TB-UBND',
      concludedOn: '2026-04-20',
      chairmanName: 'Nguyễn Văn Thành',
      unitNames: ['Phòng Văn hóa - Xã hội'],
      findings: [{ ...finding, recommendation }],
    }).then(docxText);

  it('heads the notice with the province above the ward, never the ward above itself', async () => {
    const text = await notice({ province: 'Thành phố Hải Phòng' }, 'Niêm yết đầy đủ');
    expect(text).toContain('UBND THÀNH PHỐ HẢI PHÒNG ỦY BAN NHÂN DÂN PHƯỜNG MẪU');
    expect(text).not.toContain('UBND PHƯỜNG MẪU');
    expect(await notice({}, 'Niêm yết đầy đủ')).toContain(
      'UBND CẤP TỈNH ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
    );
  });

  it('ends the recommendation with a full stop before what was done about it', async () => {
    const text = await notice({}, 'Niêm yết đầy đủ');
    expect(text).toContain(
      'Kiến nghị: Niêm yết đầy đủ. Đã giao nhiệm vụ khắc phục, hạn 30/06/2026.',
    );
    expect(await notice({}, 'Cập nhật sổ theo dõi.')).toContain(
      'Kiến nghị: Cập nhật sổ theo dõi. Đã giao nhiệm vụ',
    );
  });
});
