import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { docxText } from './support/document-text';
import { samplePdf } from './support/evidence-samples';
import { describeWithSeed } from './support/seeds';

/** A PAR-Index plan: its ordinals are the criteria codes, so 3.1 is led by the culture office. */
const PAR_PLAN = [
  'KẾ HOẠCH Thực hiện các tiêu chí Chỉ số cải cách hành chính năm 2026',
  'TT\tLĩnh vực, tiêu chí\tCơ quan chủ trì\tThời gian hoàn thành',
  'I\tCông tác chỉ đạo, điều hành\t\t',
  '1.1\tKế hoạch CCHC năm\tVăn phòng HĐND&UBND\tQuý I/2026',
  'III\tCải cách thủ tục hành chính\t\t',
  '3.1\tCông khai thủ tục hành chính\tPhòng Văn hóa - Xã hội\tQuý II/2026',
].join('\n');

const TREE = {
  issuer: 'UBND thành phố Hải Phòng',
  year: 2026,
  criteria: [
    { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 2, method: 'self' },
    { code: '1.1', name: 'Kế hoạch CCHC năm', maxPoints: 2, method: 'self' },
    { code: 'III', name: 'Cải cách thủ tục hành chính', maxPoints: 2, method: 'self' },
    { code: '3.1', name: 'Công khai thủ tục hành chính', maxPoints: 2, method: 'self' },
  ],
};

/**
 * Issue 13, item 12: targets on the plan page, the PAR-Index self-assessment and the province
 * ranking. The coordinator confirms a target suggested from seed 002's narrative; the culture
 * office scores its criterion, the coordinator returns it with a reason, then accepts the new
 * score; the province officer sees two wards ranked, and nothing it could change.
 */
describeWithSeed('002', 'web console: chỉ tiêu, Chỉ số CCHC, xếp hạng (Chromium)', (seedText) => {
  jest.setTimeout(120_000);
  const clock = new ManualClock(new Date('2026-03-05T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  let planId: string;
  const suite = consoleSuite('console_par', clock, async (started) => {
    ({ baseUrl, client } = started);
    const token = `Bearer ${await client.login('coordinator')}`;
    const importPlan = (text: string, file: string, kind = 'reform') =>
      request(started.api.getHttpServer())
        .post(`/plans/import?year=2026&kind=${kind}`)
        .set('Authorization', token)
        .attach('file', Buffer.from(text), file);
    const imported = await importPlan(seedText(), 'kh-2026.txt');
    expect(imported.body).toMatchObject({ status: 'created' });
    planId = imported.body.planId;
    expect((await importPlan(PAR_PLAN, 'chi-so-cchc-2026.txt', 'par_index')).status).toBe(200);
    expect((await client.post('coordinator', '/par/criteria', TREE)).status).toBe(200);
    // The year before: 3.1 lost 1 point of 2, for the year-on-year card.
    expect(
      (await client.post('coordinator', '/par/criteria', { ...TREE, year: 2025 })).status,
    ).toBe(200);
    expect(
      (await client.put('coordinator', '/par/2025/criteria/3.1/score', { score: 1 })).status,
    ).toBe(200);
    expect(
      (await client.post('coordinator', '/par/2025/criteria/3.1/review', { decision: 'accept' }))
        .status,
    ).toBe(200);
    // A second ward of the same province, which has scored its plan criterion.
    const db = started.api.get(DataSource);
    const wardId = randomUUID();
    await db.query(
      "INSERT INTO wards (id, code, name, province) SELECT ?, 'hai-an', 'Phường Hải An', province FROM wards WHERE code = 'demo'",
      [wardId],
    );
    await db.query(
      `INSERT INTO users (id, ward_id, unit_id, username, full_name, role, password_hash, active, created_at)
       SELECT ?, ?, NULL, 'coordinator_hai-an', 'Công chức tham mưu', 'coordinator', password_hash, 1, NOW(3)
       FROM users WHERE username = 'coordinator'`,
      [randomUUID(), wardId],
    );
    expect((await client.post('coordinator_hai-an', '/par/criteria', TREE)).status).toBe(200);
    const scored = await client.put('coordinator_hai-an', '/par/2026/criteria/1.1/score', {
      score: 2,
    });
    expect(scored.status).toBe(200);
  });

  async function check(page: Page, name: string) {
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('lets the coordinator read suggested targets from the narrative and confirm one', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/${planId}`);
    await page.getByText('Kế hoạch chưa có chỉ tiêu đã xác nhận').waitFor();
    await page.getByRole('button', { name: 'Đọc gợi ý từ văn bản kế hoạch' }).click();
    await page.getByText(/\d+ gợi ý mới/).waitFor();
    const suggested = (await client.get('coordinator', `/plans/${planId}/targets`)).body as {
      id: string;
      code: string;
      name: string;
      status: string;
      sentence: string;
    }[];
    expect(suggested.length).toBeGreaterThan(0);
    const [first] = suggested;
    await page.getByRole('cell', { name: first.sentence, exact: true }).waitFor();
    await check(page, 'plan-targets-suggested-desktop');
    await page.getByRole('button', { name: `Xác nhận ${first.code}` }).click();
    await page
      .getByRole('button', { name: `Xác nhận ${first.code}` })
      .waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: first.name, exact: true }).waitFor();
    await page.getByText(`Chỉ tiêu gợi ý chờ xác nhận: ${suggested.length - 1}`).waitFor();
    const targets = (await client.get('coordinator', `/plans/${planId}/targets`)).body as {
      id: string;
      status: string;
    }[];
    expect(targets.find((target) => target.id === first.id)?.status).toBe('confirmed');
    await check(page, 'plan-targets-confirmed-desktop');
    await page.close();

    const phone = await suite.newPage('phone');
    await signIn(phone, baseUrl, 'officer');
    await phone.goto(`${baseUrl}/ke-hoach/${planId}`);
    await phone.getByRole('cell', { name: first.name, exact: true }).waitFor();
    expect(await phone.getByRole('button', { name: 'Đọc gợi ý từ văn bản kế hoạch' }).count()).toBe(
      0,
    );
    await check(phone, 'plan-targets-phone');
    await phone.close();
  });

  it('lets the coordinator add, import, edit and enter a target with evidence', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/${planId}`);
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Mã chỉ tiêu').fill('CT-TT');
    await form.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ thanh toán trực tuyến');
    await form.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await form.getByText('Cần nhập giá trị').waitFor();
    await form.getByText('≥', { exact: true }).click();
    await form.getByLabel('Giá trị').fill('80');
    await check(page, 'plan-target-form-desktop');
    await form.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Tỷ lệ thanh toán trực tuyến', exact: true }).waitFor();

    // A sheet with a bad row: refused whole, the problem named by row and field.
    const importFile = page.locator('input[type=file][accept=".xlsx,.csv"]');
    const csv = (rows: string[]) => ({
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['Mã,Tên chỉ tiêu,Đơn vị tính,So sánh,Giá trị,Nguồn,Chỉ số', ...rows].join('\n'),
      ),
    });
    await importFile.setInputFiles(
      csv(['CT-HS,Hồ sơ đúng hạn,%,≥,95,tính toán,dossiers_on_time', 'CT-X,Sai,%,≥,nhiều,nhập,']),
    );
    await page.getByRole('cell', { name: 'value', exact: true }).waitFor();
    await page.getByText(/Không nhập chỉ tiêu: 1 lỗi/).waitFor();
    await check(page, 'plan-target-import-refused-desktop');
    const codes = async () =>
      (
        (await client.get('coordinator', `/plans/${planId}/targets`)).body as { code: string }[]
      ).map((target) => target.code);
    expect(await codes()).not.toContain('CT-HS');
    await importFile.setInputFiles(csv(['CT-HS,Hồ sơ đúng hạn,%,≥,95,tính toán,dossiers_on_time']));
    await page.getByText('Đã nhập: 1 chỉ tiêu mới, 0 chỉ tiêu cập nhật').waitFor();
    await page.getByRole('cell', { name: 'Hồ sơ đúng hạn', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Sửa CT-TT' }).click();
    await form.getByLabel('Giá trị').fill('85');
    await form.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '≥ 85%', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Nhập số liệu CT-TT' }).click();
    // Typed as dd/mm/yyyy and left with Tab (Enter would also submit the form).
    await form.getByPlaceholder('Từ ngày').fill('01/01/2026');
    await page.keyboard.press('Tab');
    await form.getByPlaceholder('Đến ngày').fill('31/03/2026');
    await page.keyboard.press('Tab');
    await form.getByLabel('Giá trị (%)').fill('87,5');
    await form.getByLabel('Ghi chú, nguồn số liệu').fill('Theo Cổng dịch vụ công');
    await form.locator('input[type=file]').setInputFiles({
      name: 'thanh-toan.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf(),
    });
    await form.getByRole('link', { name: 'thanh-toan.pdf' }).waitFor();
    await check(page, 'plan-target-value-desktop');
    await form.getByRole('button', { name: 'Lưu số liệu' }).click();
    await form.waitFor({ state: 'hidden' });
    const targets = (await client.get('coordinator', `/plans/${planId}/targets`)).body as {
      code: string;
      value: number;
      values: { from: string; to: string; value: number; evidenceIds: string[] }[];
    }[];
    const entered = targets.find((target) => target.code === 'CT-TT');
    expect(entered?.value).toBe(85);
    expect(entered?.values).toEqual([
      expect.objectContaining({ from: '2026-01-01', to: '2026-03-31', value: 87.5 }),
    ]);
    expect(entered?.values[0].evidenceIds).toHaveLength(1);
    await page.getByRole('cell', { name: '87,5%', exact: true }).waitFor();
    await page.close();

    const phone = await suite.newPage('phone');
    await signIn(phone, baseUrl, 'coordinator');
    await phone.goto(`${baseUrl}/ke-hoach/${planId}`);
    await phone.getByRole('button', { name: 'Nhập số liệu CT-TT' }).click();
    await phone.getByRole('dialog').getByLabel('Giá trị (%)').waitFor();
    await check(phone, 'plan-target-value-phone');
    await phone.close();
  }, 300_000);

  it('lets the coordinator load a criteria tree from a sheet, all or nothing', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Chỉ số CCHC');
    await page.getByLabel('Năm').fill('2027');
    await page.getByText('Chưa có bộ tiêu chí Chỉ số CCHC năm 2027').waitFor();
    await page.getByLabel('Cơ quan ban hành').fill('UBND thành phố Hải Phòng');
    const sheet = (rows: string[]) => ({
      name: 'tieu-chi-2027.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Mã,Tên tiêu chí,Điểm tối đa,Phương pháp', ...rows].join('\n')),
    });
    const file = page.locator('input[type=file][accept=".xlsx,.csv,.json"]');
    await file.setInputFiles(
      sheet(['I,Công tác chỉ đạo,2,tự chấm', '1.1,Kế hoạch CCHC năm,3,tự chấm']),
    );
    await page.getByText(/Không nạp bộ tiêu chí: \d+ lỗi/).waitFor();
    await page.getByRole('cell', { name: 'maxPoints', exact: true }).waitFor();
    await check(page, 'par-criteria-refused-desktop');
    expect((await client.get('coordinator', '/par/2027')).status).toBe(404);
    await file.setInputFiles(
      sheet(['I,Công tác chỉ đạo,2,tự chấm', '1.1,Kế hoạch CCHC năm,2,tự chấm']),
    );
    await page.getByText('Đã nạp 2 tiêu chí năm 2027 (0 tiêu chí gắn với nhiệm vụ)').waitFor();
    await page.getByRole('cell', { name: /^Kế hoạch CCHC năm/ }).waitFor();
    const tree = (await client.get('coordinator', '/par/2027')).body;
    expect(tree).toMatchObject({ issuer: 'UBND thành phố Hải Phòng', year: 2027 });
    await check(page, 'par-criteria-loaded-desktop');
    await page.close();
  });

  it('lets the culture office score its criterion, on a phone', async () => {
    const page = await suite.newPage('phone');
    await signIn(page, baseUrl, 'officer');
    await navigate(page, 'Chỉ số CCHC');
    await page.getByRole('heading', { name: 'Tự đánh giá Chỉ số CCHC', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Chấm điểm 3.1' }).click();
    await page.getByLabel(/^Điểm/).fill('2');
    await page.getByLabel('Giải trình').fill('Công khai đủ 100% TTHC trên Cổng dịch vụ công');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'cong-khai-tthc.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Danh muc TTHC cong khai'),
    });
    await dialog.getByRole('link', { name: 'cong-khai-tthc.pdf' }).waitFor();
    await check(page, 'par-score-form-phone');
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const scored = (await client.get('officer', '/par/2026')).body.criteria.find(
      (criterion: { code: string }) => criterion.code === '3.1',
    );
    expect(scored.score.evidenceIds).toHaveLength(1);
    await page.getByRole('link', { name: 'tệp 1' }).waitFor();
    await page.getByText('Chờ duyệt', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Chấm điểm 1.1' }).count()).toBe(0);
    await check(page, 'par-scored-phone');
    await page.close();
  });

  it('lets the coordinator return the score with a reason, then accept the corrected one', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Chỉ số CCHC');
    await page.getByRole('button', { name: 'Trả lại 3.1' }).click();
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Cần nêu lý do').waitFor();
    await page.getByLabel('Lý do').fill('Thiếu minh chứng công khai tại bộ phận một cửa');
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Lý do: Thiếu minh chứng công khai tại bộ phận một cửa').waitFor();
    await check(page, 'par-returned-desktop');

    const officer = await suite.newPage('desktop');
    await signIn(officer, baseUrl, 'officer');
    await navigate(officer, 'Chỉ số CCHC');
    await officer.getByRole('button', { name: 'Chấm điểm 3.1' }).click();
    await officer.getByLabel(/^Điểm/).fill('1,5');
    await officer.getByRole('button', { name: 'Lưu điểm' }).click();
    await officer.getByRole('dialog').waitFor({ state: 'hidden' });
    await officer.close();

    await page.reload();
    await page.getByRole('button', { name: 'Duyệt 3.1' }).click();
    await page.getByText('Đã duyệt', { exact: true }).waitFor();
    const view = (await client.get('coordinator', '/par/2026')).body;
    const criterion = view.criteria.find((c: { code: string }) => c.code === '3.1');
    expect(criterion).toMatchObject({ acceptedPoints: 1.5, score: { status: 'accepted' } });
    // The area's total in the table: 1,5 of 2 points, 75%.
    await page.getByRole('cell', { name: '75%', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Duyệt 3.1' }).count()).toBe(0);
    await check(page, 'par-accepted-desktop');
    await page.close();
  });

  it('shows the points lost against last year and downloads the XLSX and DOCX', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Chỉ số CCHC');
    const card = page
      .locator('.ant-card')
      .filter({ hasText: 'Tiêu chí bị mất điểm so với năm 2025' });
    const row = card.getByRole('row').filter({ hasText: 'Công khai thủ tục hành chính' });
    await row.waitFor();
    // 1,5 of 2 points this year (0,5 lost), 1 of 2 the year before (1 lost): 0,5 fewer lost.
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '3.1',
      'Công khai thủ tục hành chính',
      '0,5',
      '1',
      '-0,5',
      'Phòng Văn hóa - Xã hội',
    ]);
    await card.scrollIntoViewIfNeeded();
    await check(page, 'par-lost-points-desktop');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('chi-so-cchc-2026.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Tổng hợp')?.getRow(4).values).toEqual([
      undefined,
      'TONG Tổng cộng',
      4,
      1.5,
      37.5,
    ]);
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (DOCX)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('chi-so-cchc-2026.docx');
    const text = await docxText(await readFile(await docx.path()));
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026');
    expect(text).toContain('Công khai thủ tục hành chính');
    await page.close();

    const head = await suite.newPage('phone');
    await signIn(head, baseUrl, 'unit_head');
    await navigate(head, 'Chỉ số CCHC');
    const phoneCard = head
      .locator('.ant-card')
      .filter({ hasText: 'Tiêu chí bị mất điểm so với năm 2025' });
    await phoneCard.getByRole('cell', { name: '-0,5' }).waitFor();
    await phoneCard.scrollIntoViewIfNeeded();
    await check(head, 'par-lost-points-phone');
    await head.close();
  });

  it('shows the province officer two wards ranked, read-only, on a desktop and a phone', async () => {
    const wards = (await client.get('province_officer', '/province/rankings?year=2026')).body
      .wards as { rank: number; ward: { id: string; name: string } }[];
    expect(wards.map((row) => row.ward.name)).toContain('Phường Hải An');
    expect(wards).toHaveLength(2);
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await suite.newPage(viewport);
      await signIn(page, baseUrl, 'province_officer', 'Xếp hạng phường, xã');
      for (const row of wards) await page.getByRole('link', { name: row.ward.name }).waitFor();
      const rows = page.locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain(wards[0].ward.name);
      await check(page, `province-ranking-${viewport}`);
      await page.getByRole('link', { name: 'Phường Hải An' }).click();
      await page.getByRole('heading', { name: 'Phường Hải An', level: 1 }).waitFor();
      await page.getByRole('cell', { name: /^Kế hoạch CCHC năm/ }).waitFor();
      expect(
        await page.getByRole('button', { name: /Chấm điểm|Duyệt|Trả lại|Xác nhận/ }).count(),
      ).toBe(0);
      await check(page, `province-ward-${viewport}`);
      await page.close();
    }
  });

  it("lets the province officer open a ward's score evidence and download its PAR export", async () => {
    const wards = (await client.get('province_officer', '/province/wards')).body as {
      id: string;
      code: string;
    }[];
    const demo = wards.find((ward) => ward.code === 'demo') as { id: string };
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'province_officer', 'Xếp hạng phường, xã');
    await page.goto(`${baseUrl}/xep-hang/${demo.id}?nam=2026`);
    const link = page.getByRole('link', { name: 'tệp 1' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(new RegExp(`^/province/wards/${demo.id}/evidence/[0-9a-f-]{36}$`));
    const file = await page.request.get(`${baseUrl}${href}`);
    expect([file.status(), file.headers()['content-type']]).toEqual([200, 'application/pdf']);
    for (const format of ['xlsx', 'docx']) {
      const exported = await page.request.get(
        `${baseUrl}/province/wards/${demo.id}/par/2026/export.${format}`,
      );
      expect([format, exported.status()]).toEqual([format, 200]);
    }
    await page.getByRole('link', { name: 'Tải Excel' }).waitFor();
    await check(page, 'province-ward-evidence-desktop');
    await page.close();
  });
  /**
   * A PAR year of a test's own (the totals the tests above read stay as they are), opened on the
   * coordinator's PAR page; `criterion` reads `code` back from the API.
   */
  const openOwnYear = async (year: number, code: string, criteria: object[]) => {
    const tree = { issuer: 'UBND thành phố Hải Phòng', year, criteria };
    expect((await client.post('coordinator', '/par/criteria', tree)).status).toBe(200);
    const criterion = async () =>
      (await client.get('coordinator', `/par/${year}`)).body.criteria.find(
        (candidate: { code: string }) => candidate.code === code,
      );
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Chỉ số CCHC');
    await page.getByLabel('Năm').fill(String(year));
    return { page, criterion };
  };

  it("lets the coordinator enter a survey criterion's rate and source: points = maximum × rate", async () => {
    const { page, criterion: surveyed } = await openOwnYear(2028, '7.1', [
      { code: 'VII', name: 'Mức độ hài lòng của người dân', maxPoints: 2, method: 'self' },
      { code: '7.1', name: 'Chỉ số SIPAS', maxPoints: 2, method: 'survey' },
    ]);
    await page.getByRole('button', { name: 'Nhập kết quả điều tra 7.1' }).click();
    const dialog = page.getByRole('dialog');
    const rate = dialog.getByLabel(/^Tỷ lệ \(%\)/);
    await rate.fill('150');
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    // The API's refusal, beside the rate (its label names it, the message no longer says "rate");
    // the typed 150 is still there, not silently made 100.
    await dialog
      .locator('.ant-form-item', { hasText: 'Tỷ lệ (%)' })
      .locator('.ant-form-item-explain-error', { hasText: /^phải từ 0 đến 100 \(%\)$/ })
      .waitFor();
    expect(await rate.inputValue()).toBe('150');
    expect((await surveyed()).score).toBeNull();
    await check(page, 'par-survey-refused-desktop');

    // Neither the publishing document nor a file: the API's refusal, in the dialog (not behind it).
    await rate.fill('87,5');
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/cần nêu nguồn kết quả điều tra/i)
      .waitFor();
    expect((await surveyed()).score).toBeNull();
    await dialog.getByLabel('Văn bản công bố kết quả').fill('Quyết định số 1234/QĐ-UBND');
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: 'Chỉ số SIPAS' });
    await row.getByText('Kết quả điều tra: 87,5% (Quyết định số 1234/QĐ-UBND)').waitFor();
    // Points: 2 × 87,5% = 1,75, with the product beneath them.
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('1,75\n2 × 87,5%');
    expect(await surveyed()).toMatchObject({
      acceptedPoints: 1.75,
      score: { status: 'accepted', surveyRate: 87.5, surveySource: 'Quyết định số 1234/QĐ-UBND' },
    });
    await check(page, 'par-survey-entered-desktop');
    await page.close();

    for (const username of ['leader', 'officer']) {
      const other = await suite.newPage('desktop');
      await signIn(other, baseUrl, username);
      await navigate(other, 'Chỉ số CCHC');
      await other.getByLabel('Năm').fill('2028');
      await other.getByText('Kết quả điều tra: 87,5% (Quyết định số 1234/QĐ-UBND)').waitFor();
      expect([username, await other.getByRole('button', { name: /Nhập kết quả/ }).count()]).toEqual(
        [username, 0],
      );
      await other.close();
    }
  });

  it('refuses a score above the maximum, a negative one or a non-number beside the field', async () => {
    const { page, criterion } = await openOwnYear(2029, '2.1', [
      { code: 'II', name: 'Xây dựng và thi hành pháp luật', maxPoints: 10, method: 'self' },
      { code: '2.1', name: 'Rà soát văn bản quy phạm pháp luật', maxPoints: 10, method: 'self' },
    ]);
    const saved = async () => (await criterion()).score;
    await page.getByRole('button', { name: 'Chấm điểm 2.1' }).click();
    const dialog = page.getByRole('dialog');
    const points = dialog.getByLabel(/^Điểm/);
    const refusedBeside = async (typed: string, message: RegExp) => {
      await points.fill(typed);
      await dialog.getByRole('button', { name: 'Lưu điểm' }).click();
      await dialog
        .locator('.ant-form-item', { hasText: 'Điểm (tối đa 10)' })
        .locator('.ant-form-item-explain-error', { hasText: message })
        .waitFor();
      // What was typed stays, not silently changed, and nothing is saved.
      expect([typed, await points.inputValue(), await saved()]).toEqual([typed, typed, null]);
    };
    // The API's refusals, without the "score" their label already says: 12 is not lowered to 10.
    await refusedBeside('12', /^12 vượt điểm tối đa 10 của tiêu chí 2\.1$/);
    await check(page, 'par-score-refused-desktop');
    // A non-number typed over a number stays, with why; the number does not come back.
    await refusedBeside('abc', /^Nhập một số, ví dụ 7,5$/);
    await refusedBeside('', /^Cần nhập điểm$/);
    await refusedBeside('-1', /^không được âm$/);
    await refusedBeside('1,555', /^phải là số điểm \(tối đa 2 chữ số thập phân\)$/);
    await points.fill('7,5');
    await dialog.getByRole('button', { name: 'Lưu điểm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await saved()).toMatchObject({ score: 7.5, status: 'submitted' });
    const row = page.getByRole('row').filter({ hasText: 'Rà soát văn bản quy phạm pháp luật' });
    await row.getByText('Chờ duyệt', { exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('7,5');
    await page.close();
  });
});
