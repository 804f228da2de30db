import { Workbook } from 'exceljs';
import mammoth from 'mammoth';
import { ReportContent } from './report-content';
import { renderReportDocx, renderReportXlsx, sectionTables } from './report-documents';

const content: ReportContent = {
  ward: { name: 'Phường Mẫu', place: 'Hải Phòng', superior: 'UBND thành phố Hải Phòng' },
  period: {
    kind: 'quy',
    year: 2026,
    index: 1,
    label: 'Quý I/2026',
    from: '2025-12-15',
    cutoffDate: '2026-03-14',
    contributionDueDate: '2026-03-09',
    upstreamDueDate: '2026-03-20',
  },
  plan: null,
  cutoffInstant: '2026-03-14T16:59:59.999Z',
  tasks: {
    total: 3,
    byState: { assigned: 0, inProgress: 1, reported: 0, accepted: 1, overdue: 1, cancelled: 0 },
    done: 1,
    donePercent: 33.3,
    doneOnTime: 1,
    doneLate: 0,
    areas: [],
    overdue: [
      {
        ordinal: '3',
        title: 'Rà soát TTHC',
        leadUnit: 'Phòng Kinh tế',
        dueDate: '2026-02-28',
        state: 'overdue',
        reason: null,
      },
    ],
  },
  dossiers: {
    from: '2025-12-15',
    to: '2026-03-14',
    received: 12,
    returnedEarly: 5,
    returnedOnTime: 4,
    returnedLate: 1,
    pending: 2,
    pendingInTime: 2,
    openOverdue: 0,
    onTimeRate: 0.9,
    overdue: 1,
    overdueWithIssuedSlip: 1,
    overdueWithoutSlip: 0,
    apologyCoverage: 1,
  },
  targets: { rows: [], note: 'Chưa có chỉ tiêu' },
  inspections: { rows: [], note: 'Chưa có dữ liệu kiểm tra' },
  contributions: [
    {
      unit: 'Phòng Văn hóa - Xã hội',
      state: 'accepted',
      late: false,
      results: 'Xong',
      problems: '=HYPERLINK("http://x")',
      proposals: '',
    },
  ],
  nextTasks: [],
  auditCheckpoint: {
    id: '41',
    createdAt: '2026-03-16T02:00:00.000Z',
    root: 'b'.repeat(64),
    instanceCount: 57,
    keyId: 'c'.repeat(16),
  },
};

const meta = {
  number: '3/BC-UBND',
  date: '2026-03-18',
  signerName: 'Nguyễn Văn A',
  revision: 2,
  contentHash: 'a'.repeat(64),
  replaces: null,
};

describe('report documents', () => {
  it('writes the DOCX in the national format with the figures and the signature', async () => {
    const { value } = await mammoth.extractRawText({
      buffer: await renderReportDocx(content, meta),
    });
    const text = value.replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
      'Số: 3/BC-UBND',
      'Hải Phòng, ngày 18 tháng 3 năm 2026',
      'Kết quả thực hiện công tác cải cách hành chính quý I/2026',
      'Tổng số nhiệm vụ: 3; đã hoàn thành 1 (33,3%)',
      'đang giải quyết 2 (trong hạn 2, quá hạn 0); tỷ lệ đúng hạn 90%',
      'Chưa nêu lý do',
      'Không có nhiệm vụ đến hạn trong kỳ tới',
      'Nguyễn Văn A',
      `lần 2, mã kiểm tra sha-256 ${'a'.repeat(64)}`,
      `Điểm kiểm tra nhật ký số 41 lúc 16/03/2026 09:00: gốc Merkle ${'b'.repeat(64)} trên 57 chuỗi`,
      'Số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026.',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn A',
      '1. Kết quả thực hiện nhiệm vụ 1.1. Nhiệm vụ theo lĩnh vực',
      '1.2. Nhiệm vụ quá hạn',
    ])
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
  });

  it('numbers each section once, writes the period lower-case mid-sentence and no UTC time', async () => {
    const { value } = await mammoth.extractRawText({
      buffer: await renderReportDocx(
        { ...content, period: { ...content.period, kind: 'nam', label: 'Năm 2026' } },
        meta,
      ),
    });
    const text = value.replace(/\s+/g, ' ');
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính năm 2026');
    const numbers = sectionTables(content).map((section) => section.title.split(' ')[0]);
    expect(numbers).toEqual(['1.1.', '1.2.', '2.', '3.', '4.', '5.', '6.']);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('says how far the figures go when compiled before the cut-off day ended', async () => {
    // Compiled at 07:29 on 01/12/2026 (Vietnam time), Q4's cut-off 14/12/2026.
    const early: ReportContent = {
      ...content,
      period: {
        ...content.period,
        index: 4,
        label: 'Quý IV/2026',
        from: '2026-09-15',
        cutoffDate: '2026-12-14',
      },
      cutoffInstant: '2026-12-01T00:29:38.000Z',
    };
    const text = (await mammoth.extractRawText({ buffer: await renderReportDocx(early, meta) }))
      .value;
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Số liệu tính từ ngày 15/09/2026 đến 01/12/2026 07:29 (thời điểm tổng hợp, trước ngày chốt số liệu 14/12/2026 của kỳ báo cáo).',
    );
    expect(text).not.toContain('đến ngày 14/12/2026');
  });

  it('says under its title, on a correction, which sent report it replaces and why', async () => {
    const replaces = {
      revision: 1,
      number: '2/BC-UBND',
      signedOn: '2026-03-17',
      reason: 'Bổ sung 02 hồ sơ tiếp nhận trong kỳ chưa được cập nhật',
    };
    const { value } = await mammoth.extractRawText({
      buffer: await renderReportDocx(content, { ...meta, replaces }),
    });
    const text = value.replace(/\s+/g, ' ');
    expect(text).toContain('Số: 3/BC-UBND');
    expect(text).toContain('(Đính chính, thay thế Báo cáo số 2/BC-UBND ngày 17/03/2026)');
    expect(text).toContain(
      'Báo cáo này đính chính và thay thế Báo cáo số 2/BC-UBND ngày 17/03/2026 của Ủy ban nhân dân Phường Mẫu. ' +
        'Lý do đính chính: Bổ sung 02 hồ sơ tiếp nhận trong kỳ chưa được cập nhật',
    );
    const plain = await mammoth.extractRawText({ buffer: await renderReportDocx(content, meta) });
    expect(plain.value).not.toContain('thay thế');
  });

  it('writes a revision whose signature was withdrawn as a draft saying what was withdrawn and why', async () => {
    const withdrawn = {
      number: '3/BC-UBND',
      signedOn: '2026-03-18',
      withdrawnOn: '2026-03-19',
      reason: 'Ký nhầm bản chưa rà soát',
    };
    const { value } = await mammoth.extractRawText({
      buffer: await renderReportDocx(content, {
        ...meta,
        number: null,
        date: '2026-03-16',
        withdrawn,
      }),
    });
    const text = value.replace(/\s+/g, ' ');
    expect(text).not.toContain('Số: 3/BC-UBND');
    for (const expected of [
      'Số: /BC-UBND',
      'Hải Phòng, ngày 16 tháng 3 năm 2026',
      'DỰ THẢO - ĐÃ THU HỒI CHỮ KÝ',
      'Báo cáo số 3/BC-UBND ngày 18/03/2026 đã được thu hồi chữ ký ngày 19/03/2026, trước khi gửi: ' +
        'văn bản này là dự thảo, không có giá trị phát hành. Lý do thu hồi: Ký nhầm bản chưa rà soát',
    ])
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    const signed = await mammoth.extractRawText({ buffer: await renderReportDocx(content, meta) });
    expect(signed.value).not.toContain('THU HỒI');
  });

  it('writes one XLSX sheet per section, text that looks like a formula neutralised', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderReportXlsx(content)) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(8);
    expect(workbook.getWorksheet('Toàn vẹn nhật ký')!.getRow(1).getCell(1).value).toContain(
      `gốc Merkle ${'b'.repeat(64)}`,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 2)).toEqual([
      '1.1. Nhiệm vụ theo lĩnh vực',
      '1.2. Nhiệm vụ quá hạn',
    ]);
    const problems = workbook.getWorksheet('5. Khó khăn và kiến nghị')!;
    expect(problems.getRow(3).getCell(3).value).toBe('\'=HYPERLINK("http://x")');
    expect(workbook.getWorksheet('3. Chỉ tiêu')!.getRow(2).getCell(1).value).toBe(
      'Chưa có chỉ tiêu',
    );
  });

  it('writes a revision compiled before the pending dossiers were reported without them', async () => {
    const { pending: _pending, pendingInTime: _inTime, ...dossiers } = content.dossiers;
    const earlier = { ...content, dossiers };
    const { value } = await mammoth.extractRawText({
      buffer: await renderReportDocx(earlier, meta),
    });
    const text = value.replace(/\s+/g, ' ');
    expect(text).toContain('quá hạn 1; tỷ lệ đúng hạn 90%');
    expect(text).not.toContain('undefined');
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderReportXlsx(earlier)) as unknown as ArrayBuffer);
    const labels: string[] = [];
    workbook
      .getWorksheet('2. Hồ sơ TTHC')!
      .eachRow((row) => labels.push(String(row.getCell(1).value)));
    expect(labels).toContain('Đang giải quyết quá hạn');
    expect(labels).not.toContain('Đang giải quyết');
  });
});
