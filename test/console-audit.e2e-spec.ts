import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';

/**
 * Issue 14, the audit page: an inspector reads who did what (a refused log-in among it), narrows
 * it, downloads it as Excel, and "Kiểm tra tính toàn vẹn" says the history is intact — then,
 * after a reason is changed in the database, names the task and event number that broke.
 */
describe('web console: Nhật ký (Chromium, MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  let db: DataSource;
  let taskId: string;

  const { newPage } = consoleSuite('console_audit', clock, async (suite) => {
    ({ baseUrl, client } = suite);
    db = suite.api.get(DataSource);
    const { units, users } = await demoWardIds(client);
    const created = await client.post('coordinator', '/tasks', {
      title: 'Rà soát quy trình nội bộ giải quyết TTHC',
      leadUnitId: units.VHXH,
      leaderId: users.leader,
      product: 'Báo cáo rà soát',
      dueDate: '2026-03-31',
    });
    expect(created.status).toBe(201);
    taskId = created.body.id;
    clock.advance(60_000);
    const started = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'START',
      version: 1,
    });
    expect(started.status).toBe(200);
    const refused = await request(suite.api.getHttpServer())
      .post('/auth/login')
      .send({ username: 'officer', password: 'nham-mat-khau' });
    expect(refused.status).toBe(401);
  });

  it('lists who did what, at both sizes, and only for the inspector and the chairman', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'inspector');
      await navigate(page, 'Nhật ký');
      await page.getByRole('heading', { name: 'Nhật ký', level: 1 }).waitFor();
      // Events and states in Vietnamese, never their codes.
      await page.getByRole('cell', { name: 'Đăng nhập không thành công' }).first().waitFor();
      await page.getByRole('cell', { name: 'Bắt đầu thực hiện', exact: true }).waitFor();
      await page.getByRole('cell', { name: 'Đã giao → Đang thực hiện', exact: true }).waitFor();
      expect(await page.getByRole('cell', { name: 'LOGIN_FAILED' }).count()).toBe(0);
      await screenshot(page, `audit-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const officer = await newPage();
    await signIn(officer, baseUrl, 'officer');
    await officer.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    expect(
      await officer
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Nhật ký' })
        .count(),
    ).toBe(0);
  }, 120_000);

  it('narrows by the filters in the URL and downloads the same view as Excel', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'chairman');
    await page.goto(`${baseUrl}/nhat-ky?type=reform-task`);
    await page.getByRole('cell', { name: 'Bắt đầu thực hiện', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: 'Đăng nhập không thành công' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nhat-ky.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhật ký')!;
    expect(sheet.getColumn(8).values.slice(2).sort()).toEqual([
      'Bắt đầu thực hiện',
      'Giao nhiệm vụ',
    ]);
    expect(sheet.getColumn(9).values.slice(2).sort()).toEqual(['CREATED', 'START']);

    // The event filter: found by its label, kept in the URL as its code.
    await page.goto(`${baseUrl}/nhat-ky`);
    const event = page.getByRole('combobox', { name: 'Sự kiện' });
    await event.click();
    await event.fill('không thành công');
    // antd's listbox for screen readers is hidden; the visible list names each option by title.
    await page.getByTitle('Đăng nhập không thành công', { exact: true }).click();
    await page.waitForURL(/[?&]event=LOGIN_FAILED/);
    // The unfiltered rows go once the filtered page has come.
    await page.getByRole('cell', { name: 'Bắt đầu thực hiện' }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Đăng nhập không thành công' }).waitFor();
    await screenshot(page, 'audit-event-filter');
  }, 120_000);

  it('checks the integrity, and names the task and event whose reason was changed', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'inspector');
    await page.goto(`${baseUrl}/nhat-ky`);
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await page.getByText('Nhật ký nguyên vẹn').waitFor();
    await screenshot(page, 'audit-verified');
    await db.query(
      "UPDATE audit_events SET reason = 'Đã sửa trong cơ sở dữ liệu' WHERE instance_id = ? AND seq = 2",
      [taskId],
    );
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await page.getByText('Nhật ký đã bị thay đổi').waitFor();
    await page.getByText(`Sự kiện số 2 của reform-task ${taskId} đã bị sửa`).waitFor();
    await screenshot(page, 'audit-broken');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});
