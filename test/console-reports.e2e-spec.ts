import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { docxText } from './support/document-text';
import { describeWithSeed } from './support/seeds';

/**
 * Issue 13, item 12: the reporting calendar and a report's lifecycle. The coordinator opens
 * Q1 of seed 002, the culture office sends its text, the coordinator accepts it, compiles the
 * figures and downloads the report.
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

  it('lets the culture office send its text, on a phone', async () => {
    const page = await suite.newPage('phone');
    await signIn(page, baseUrl, 'officer');
    await page.goto(`${baseUrl}${reportPath}`);
    await page.getByRole('button', { name: 'Gửi báo cáo đóng góp' }).click();
    await page.getByLabel('Kết quả thực hiện').fill('Hoàn thành rà soát TTHC lĩnh vực văn hóa');
    await page.getByLabel('Khó khăn, vướng mắc').fill('Thiếu cán bộ chuyên trách');
    await page.getByLabel('Kiến nghị, đề xuất').fill('Bổ sung 01 biên chế');
    await check(page, 'report-contribution-form-phone');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('cell', { name: 'Đã gửi', exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
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
    expect(text).toContain('Quý I/2026');
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

  it('offers the coordinator to correct a sent report, with a reason', async () => {
    const reportId = reportPath.split('/').pop() as string;
    for (const [username, type] of [
      ['coordinator', 'SUBMIT_FOR_APPROVAL'],
      ['leader', 'APPROVE'],
      ['chairman', 'SIGN'],
      ['coordinator', 'SEND'],
    ]) {
      const { version } = (await client.get(username, `/reports/${reportId}`)).body;
      const sent = await client.post(username, `/reports/${reportId}/events`, { type, version });
      expect({ type, status: sent.status }).toEqual({ type, status: 200 });
    }
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
