import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { REPORT_STATE_LABELS, ReportState } from '@cchc/domain';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { docxText } from './support/document-text';
import { samplePdf } from './support/evidence-samples';
import { describeWithSeed } from './support/seeds';
import { eventually } from './support/test-app';

/**
 * Issue 13, item 12: the reporting calendar and a report's lifecycle. The coordinator edits the
 * calendar and restores the national one, opens Q1 of seed 002; the culture office sends its
 * text with a file of its task; the coordinator accepts it, compiles the figures and downloads
 * the report; the leader returns it, then approves it, the chairman signs, the coordinator sends
 * it, then corrects it.
 */
describeWithSeed('002', 'web console: Báo cáo định kỳ (Chromium, seed 002)', (seedText) => {
  jest.setTimeout(120_000);
  const clock = new ManualClock(new Date('2026-03-05T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  const suite = consoleSuite('console_reports', clock, async (started) => {
    ({ baseUrl, client } = started);
    const imported = await request(started.api.getHttpServer())
      .post('/plans/import')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach('file', Buffer.from(seedText()), 'kh-2026.txt');
    expect(imported.status).toBe(200);
  });

  async function check(page: Page, name: string) {
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  let reportPath: string;

  it('lets the coordinator edit the calendar, with refusals beside their fields', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Báo cáo');
    await page.getByText('Lịch báo cáo (theo hướng dẫn của Bộ Nội vụ)').waitFor();
    const cutoff = page.getByLabel('Quý: chốt số liệu ngày');
    expect(await cutoff.inputValue()).toBe('14');
    await cutoff.fill('29');
    await page.getByLabel('Quý: đơn vị gửi trước ngày').fill('9');
    await page.getByLabel('Tính số liệu từ ngày').fill('01/07/2025');
    await page.getByLabel('Tính số liệu từ ngày').press('Enter');
    await page.getByRole('button', { name: 'Lưu lịch báo cáo' }).click();
    // The API's refusal, beside the one field it names. Enter in the date field may have sent the
    // form already: a second answer clears the first one's message and puts it back.
    const refusal = page.locator('.ant-form-item-explain-error');
    await eventually(
      async () =>
        (await refusal.count()) === 1 &&
        (await refusal.filter({ hasText: 'phải là ngày từ 1 đến 28' }).count()) === 1,
      30_000,
      'one refusal, beside the cut-off day',
    );
    await check(page, 'reports-calendar-refused-desktop');
    await cutoff.fill('14');
    await page.getByRole('button', { name: 'Lưu lịch báo cáo' }).click();
    await page.getByText('Lịch báo cáo của phường').waitFor();
    await page.getByText('Số liệu tính từ ngày 01/07/2025.').waitFor();
    expect(await refusal.count()).toBe(0);
    const saved = (await client.get('coordinator', '/reports/calendar')).body;
    expect(saved).toMatchObject({
      preset: false,
      countFrom: '2025-07-01',
      periods: { quy: { cutoffDay: 14, contributionDueDay: 9, upstreamDueDay: 20 } },
    });
    await check(page, 'reports-calendar-saved-desktop');
    await page.close();
  });

  it('shows the calendar read-only to others; the coordinator restores the national one', async () => {
    const officer = await suite.newPage('phone');
    await signIn(officer, baseUrl, 'officer');
    await navigate(officer, 'Báo cáo');
    await officer.getByText('Lịch báo cáo của phường').waitFor();
    expect(await officer.getByRole('spinbutton').count()).toBe(0);
    expect(await officer.getByRole('button', { name: 'Lưu lịch báo cáo' }).count()).toBe(0);
    await check(officer, 'reports-calendar-read-only-phone');
    await officer.close();

    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Báo cáo');
    await page.getByRole('button', { name: 'Dùng lịch theo hướng dẫn của Bộ Nội vụ' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByText('Lịch báo cáo (theo hướng dẫn của Bộ Nội vụ)').waitFor();
    expect(await page.getByLabel('Quý: đơn vị gửi trước ngày').inputValue()).toBe('10');
    expect((await client.get('coordinator', '/reports/calendar')).body.preset).toBe(true);
    await page.close();
  });

  it('shows the calendar and opens Q1 for the coordinator', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Báo cáo');
    await page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 }).waitFor();
    await page.getByText('Lịch báo cáo (theo hướng dẫn của Bộ Nội vụ)').waitFor();
    await page.getByText('Chưa có kỳ báo cáo nào').waitFor();
    await check(page, 'reports-list-desktop');
    await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo CCHC Quý I/2026', level: 1 }).waitFor();
    reportPath = new URL(page.url()).pathname;
    await page.getByRole('cell', { name: 'Phòng Văn hóa - Xã hội' }).waitFor();
    await check(page, 'report-open-desktop');
    await page.close();
  });

  it('lets the culture office send its text with a file of its task, on a phone', async () => {
    const reportId = reportPath.split('/').pop() as string;
    const { contributions } = (await client.get('officer', `/reports/${reportId}`)).body;
    const unitId = contributions.find(
      (row: { unitName: string }) => row.unitName === 'Phòng Văn hóa - Xã hội',
    ).unitId;
    // The API takes files of the unit's tasks, uploaded while a task is in progress.
    const [task] = (await client.get('officer', `/tasks?leadUnitId=${unitId}&state=assigned`)).body
      .items as { id: string; title: string; version: number }[];
    const started = await client.post('officer', `/tasks/${task.id}/events`, {
      type: 'START',
      version: task.version,
    });
    expect(started.status).toBe(200);

    const page = await suite.newPage('phone');
    await signIn(page, baseUrl, 'officer');
    await page.goto(`${baseUrl}${reportPath}`);
    await page.getByRole('button', { name: 'Gửi báo cáo đóng góp' }).click();
    await page.getByLabel('Kết quả thực hiện').fill('Hoàn thành rà soát TTHC lĩnh vực văn hóa');
    await page.getByLabel('Khó khăn, vướng mắc').fill('Thiếu cán bộ chuyên trách');
    await page.getByLabel('Kiến nghị, đề xuất').fill('Bổ sung 01 biên chế');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Minh chứng (tệp của nhiệm vụ đơn vị chủ trì)').click();
    await page.locator('.ant-select-item-option').filter({ hasText: task.title }).first().click();
    await dialog.getByText('Nhiệm vụ chưa có tệp minh chứng').waitFor();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'ra-soat-tthc-van-hoa.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Ket qua ra soat TTHC'),
    });
    await dialog
      .getByRole('checkbox', { name: 'ra-soat-tthc-van-hoa.pdf', checked: true })
      .waitFor();
    await dialog.getByText('Đã chọn 1 tệp minh chứng').waitFor();
    await check(page, 'report-contribution-form-phone');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('cell', { name: 'Đã gửi', exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const sent = (await client.get('officer', `/reports/${reportId}`)).body.contributions.find(
      (row: { unitId: string }) => row.unitId === unitId,
    );
    const files = (await client.get('officer', `/tasks/${task.id}/evidence`)).body;
    expect(sent.evidenceIds).toEqual([files[0].id]);
    await page
      .getByRole('button', { name: /Mở rộng|Expand/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Tệp 1' }).waitFor();
    await check(page, 'report-contribution-sent-phone');
    await page.close();
  });

  it('lets the coordinator accept it, compile the figures and download the DOCX', async () => {
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}${reportPath}`);
    await page
      .getByRole('button', { name: 'Tiếp nhận báo cáo của Phòng Văn hóa - Xã hội' })
      .click();
    await page.getByRole('cell', { name: 'Đã tiếp nhận', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu tổng hợp' }).click();
    await page.getByRole('button', { name: 'Tổng hợp số liệu' }).click();
    await page.getByRole('link', { name: 'Tải DOCX lần 1' }).waitFor();
    await check(page, 'report-compiled-desktop');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải DOCX lần 1' }).click();
    const text = await docxText(await readFile(String(await (await download).path())));
    expect(text).toContain('quý I/2026');
    expect(text).toContain('Thiếu cán bộ chuyên trách');
    const report = (
      await client.get('coordinator', `/reports${reportPath.replace('/bao-cao', '')}`)
    ).body;
    expect(report).toMatchObject({ state: 'compiling', revision: 1 });
    await page.close();
  });

  it("lets the province officer read the ward's report, its figures and downloads, read-only", async () => {
    const reportId = reportPath.split('/').pop() as string;
    const compiled = (await client.get('coordinator', `/reports/${reportId}`)).body;
    const wards = (await client.get('province_officer', '/province/wards')).body as {
      id: string;
      name: string;
    }[];
    expect(wards).toHaveLength(1);
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await suite.newPage(viewport);
      await signIn(page, baseUrl, 'province_officer', 'Xếp hạng phường, xã');
      await page.getByRole('link', { name: wards[0].name }).click();
      await page.getByRole('link', { name: 'Quý I/2026' }).click();
      await page.getByRole('heading', { name: 'Báo cáo CCHC Quý I/2026', level: 1 }).waitFor();
      await page.getByText('Số liệu (lần tổng hợp 1)').waitFor();
      await page.getByText('Chưa có chỉ tiêu').waitFor();
      await page.getByText('Chưa có dữ liệu kiểm tra').waitFor();
      await page.getByRole('cell', { name: 'Phòng Văn hóa - Xã hội' }).waitFor();
      await page.getByRole('link', { name: 'Tải DOCX lần 1' }).waitFor();
      expect(
        await page.getByRole('button', { name: /Tổng hợp|Tiếp nhận|Trả lại|Gửi|Duyệt|Ký/ }).count(),
      ).toBe(0);
      await check(page, `province-report-${viewport}`);
      if (viewport === 'desktop') {
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Tải DOCX lần 1' }).click();
        const text = await docxText(await readFile(String(await (await download).path())));
        expect(text).toContain('Thiếu cán bộ chuyên trách');
        expect(text).toContain(compiled.revisions[0].contentHash);
      }
      await page.close();
    }
  });

  /** A report step by its button, as `username`; the page stays open on the new state. */
  async function act(username: string, button: string, state: ReportState) {
    const reportId = reportPath.split('/').pop() as string;
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, username);
    await page.goto(`${baseUrl}${reportPath}`);
    await page.getByRole('button', { name: button, exact: true }).click();
    // The facts say the new state once the answer is in (the button, while loading, is named
    // by its spinner too, so its going is no sign).
    await page
      .locator('.ant-descriptions')
      .getByText(REPORT_STATE_LABELS[state], { exact: true })
      .waitFor();
    expect((await client.get('coordinator', `/reports/${reportId}`)).body.state).toBe(state);
    return page;
  }

  it('lets the leader return the report with a reason', async () => {
    const reportId = reportPath.split('/').pop() as string;
    await (await act('coordinator', 'Trình duyệt', 'submittedForApproval')).close();

    const leader = await suite.newPage('desktop');
    await signIn(leader, baseUrl, 'leader');
    await leader.goto(`${baseUrl}${reportPath}`);
    await leader.getByRole('button', { name: 'Duyệt báo cáo' }).waitFor();
    await leader.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill('Bổ sung số liệu thủ tục hành chính quý I');
    await check(leader, 'report-return-form-desktop');
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await leader.close();
    const returned = (await client.get('coordinator', `/reports/${reportId}`)).body;
    expect(returned).toMatchObject({
      state: 'compiling',
      returnReason: 'Bổ sung số liệu thủ tục hành chính quý I',
    });
    const page = await suite.newPage('phone');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}${reportPath}`);
    await page.getByText('Bị trả lại: Bổ sung số liệu thủ tục hành chính quý I').waitFor();
    await page.getByRole('button', { name: 'Trình duyệt', exact: true }).waitFor();
    await check(page, 'report-returned-phone');
    await page.close();
  });

  it('lets the leader approve it, the chairman sign it and the coordinator send it', async () => {
    const reportId = reportPath.split('/').pop() as string;
    const coordinator = await act('coordinator', 'Trình duyệt', 'submittedForApproval');
    await coordinator.close();
    const approved = await act('leader', 'Duyệt báo cáo', 'approved');
    await check(approved, 'report-approved-desktop');
    await approved.close();
    await (await act('chairman', 'Ký báo cáo', 'signed')).close();
    const sent = await act('coordinator', 'Gửi cấp trên', 'sent');
    const view = (await client.get('coordinator', `/reports/${reportId}`)).body;
    expect(view.number).toMatch(/BC-UBND$/);
    await sent.getByText(view.number).first().waitFor();
    expect(
      await sent
        .getByRole('button', { name: /Trình duyệt|Duyệt báo cáo|Ký báo cáo|Gửi cấp trên/ })
        .count(),
    ).toBe(0);
    await check(sent, 'report-sent-desktop');
    await sent.close();
  });

  it('offers the coordinator to correct a sent report, with a reason', async () => {
    const reportId = reportPath.split('/').pop() as string;
    // Sent by the previous test, through the console.
    expect((await client.get('coordinator', `/reports/${reportId}`)).body.state).toBe('sent');
    const page = await suite.newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}${reportPath}`);
    await page.getByRole('button', { name: 'Đính chính báo cáo đã gửi' }).click();
    await page.getByLabel('Lý do').fill('Bổ sung hồ sơ tiếp nhận trong kỳ chưa cập nhật');
    await page.getByRole('button', { name: 'Đính chính', exact: true }).click();
    await page.getByText('Đính chính, thay thế Báo cáo số 01/BC-UBND').waitFor();
    await page.getByRole('button', { name: 'Tổng hợp số liệu' }).waitFor();
    await check(page, 'report-correcting-desktop');
    await page.close();
  });
});
