import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { screenshot, seriousViolations, signIn, VIEWPORTS } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';
import { insertNotifications } from './support/notifications';

/** Screens 9–11 of issue #12 in Chromium: bulk actions with a result per row, the bell, export. */
describe('console: bulk actions, notifications, export (Chromium, MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  let units: Record<string, string>;
  let unitNames: Record<string, string>;
  let db: DataSource;
  const { newPage } = consoleSuite('console_bulk', clock, async (suite) => {
    ({ baseUrl, client } = suite);
    db = suite.api.get(DataSource);
    ({ units } = await demoWardIds(client));
    const list = (await client.get('coordinator', '/org-units')).body as {
      code: string;
      name: string;
    }[];
    unitNames = Object.fromEntries(list.map((unit) => [unit.code, unit.name]));
  });

  async function createTask(title: string, dueDate: string) {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      dueDate,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  }

  /** The task list filtered by a text, as the coordinator sees it. */
  async function taskList(page: Page, text: string) {
    await page.goto(`${baseUrl}/nhiem-vu?text=${encodeURIComponent(text)}`);
    await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
  }

  /**
   * The bell of `username`'s page, once its name says the unread count GET /notifications/summary
   * gives (so the badge is checked against the API, not against itself); its badge shows `shown`.
   */
  async function bellMatchingApi(page: Page, username: string, shown: string): Promise<Locator> {
    const { unread } = (await client.get(username, '/notifications/summary')).body as {
      unread: number;
    };
    const bell = page.getByRole('button', { name: `Thông báo: ${unread} chưa đọc` });
    await bell.waitFor();
    const badge = bell.locator('.ant-badge-count');
    expect({ title: await badge.getAttribute('title'), text: await badge.innerText() }).toEqual({
      title: String(unread),
      text: shown,
    });
    return bell;
  }

  it('reassigns three selected tasks and shows the one refused with its reason', async () => {
    const titles = ['Giao lại hàng loạt 1', 'Giao lại hàng loạt 2', 'Giao lại hàng loạt 3'];
    await createTask(titles[0], '2026-03-20');
    await createTask(titles[1], '2026-03-21');
    const cancelled = await createTask(titles[2], '2026-03-22');
    const cancel = await client.post('chairman', `/tasks/${cancelled.id}/events`, {
      type: 'CANCEL',
      version: cancelled.version,
      reason: 'Không còn phù hợp',
    });
    expect(cancel.status).toBe(200);

    const page = await newPage();
    await signIn(page, baseUrl, 'coordinator');
    await taskList(page, 'Giao lại hàng loạt');
    for (const title of titles) await page.getByLabel(`Chọn: ${title}`).check();
    await page.getByText('Đã chọn 3 nhiệm vụ').waitFor();
    await page.getByRole('button', { name: 'Giao lại', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // "Hủy" could read as cancelling the tasks: the dialog closes with "Đóng".
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().waitFor();
    expect(await dialog.getByRole('button', { name: 'Hủy', exact: true }).count()).toBe(0);
    // Empty, it says what to pick and throws nothing (the suite checks the console).
    await dialog.getByRole('button', { name: 'Giao lại', exact: true }).click();
    await dialog.getByText('Chọn cơ quan chủ trì mới').waitFor();
    await dialog.getByLabel('Cơ quan chủ trì mới').fill(unitNames.VP);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Giao lại', exact: true }).click();

    const results = dialog.getByRole('table');
    await results.getByText('Bị từ chối').waitFor();
    const row = (title: string) => results.getByRole('row').filter({ hasText: title });
    await expect(row(titles[0]).getByText('Đã thực hiện').count()).resolves.toBe(1);
    await expect(row(titles[1]).getByText('Đã thực hiện').count()).resolves.toBe(1);
    await expect(row(titles[2]).getByText('Bị từ chối').count()).resolves.toBe(1);
    expect(await row(titles[2]).innerText()).toMatch(/hủy|Hủy/);
    await screenshot(page, 'nhiem-vu-hang-loat-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã chọn 0 nhiệm vụ').waitFor();
  });

  it('reminds a task; the officer of its unit sees the reminder under the bell and marks it read', async () => {
    const title = 'Nhắc việc qua trình duyệt';
    await createTask(title, '2026-03-25');
    const coordinator = await newPage();
    await signIn(coordinator, baseUrl, 'coordinator');
    await taskList(coordinator, title);
    await coordinator.getByLabel(`Chọn: ${title}`).check();
    await coordinator.getByRole('button', { name: 'Nhắc việc', exact: true }).click();
    const dialog = coordinator.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Nhắc việc', exact: true }).click();
    await dialog.getByText('Đã thực hiện').waitFor();

    // The officer has read what came before (the suite's tasks were assigned to the unit, and
    // their notifications are written with them): the reminder is the one unread.
    await db.query(
      "UPDATE notifications n JOIN users u ON u.id = n.user_id SET n.read_at = ? WHERE u.username = 'officer' AND n.read_at IS NULL AND n.topic <> 'task.reminder'",
      [new Date()],
    );
    const officer = await newPage();
    await signIn(officer, baseUrl, 'officer');
    await (await bellMatchingApi(officer, 'officer', '1')).click();
    const reminder = officer.getByRole('link', { name: new RegExp(`Nhắc hạn.*${title}`) });
    for (const viewport of ['desktop', 'phone'] as const) {
      await officer.setViewportSize(VIEWPORTS[viewport]);
      await reminder.waitFor();
      expect({ viewport, violations: await seriousViolations(officer) }).toEqual({
        viewport,
        violations: [],
      });
      await screenshot(officer, `thong-bao-${viewport}`);
    }
    const markRead = officer.getByRole('button', {
      name: `Đánh dấu đã đọc: ${await reminder.innerText()}`,
    });
    // An action, not a status.
    expect(await markRead.innerText()).toBe('Đánh dấu đã đọc');
    await markRead.click();
    await officer.getByRole('button', { name: 'Thông báo: 0 chưa đọc' }).waitFor();
    expect((await client.get('officer', '/notifications/summary')).body.unread).toBe(0);
  });

  it('shows 99+ on the bell of a user with 120 unread notifications, and the latest 30 under it', async () => {
    await insertNotifications(db, 'inspector', 'Thông báo thử', 120);
    const page = await newPage();
    await signIn(page, baseUrl, 'inspector');
    const bell = await bellMatchingApi(page, 'inspector', '99+');
    await screenshot(page, 'thong-bao-99-desktop');
    await bell.click();
    const drawer = page.locator('.notification-drawer');
    await drawer.getByText('Thông báo thử 120').waitFor();
    expect(await drawer.locator('.notification-unread').count()).toBe(30);
    await expect(drawer.getByText('Thông báo thử 90', { exact: true }).count()).resolves.toBe(0);

    // The older ones, 30 at a time from GET /notifications; one of them marked read there.
    await drawer.getByRole('button', { name: 'Xem thông báo cũ hơn' }).click();
    await drawer.getByText('Thông báo thử 61', { exact: true }).waitFor();
    expect(await drawer.locator('.notification-unread').count()).toBe(60);
    await expect(drawer.getByText('Thông báo thử 60', { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'thong-bao-cu-hon-desktop');
    await drawer.getByRole('button', { name: 'Đánh dấu đã đọc: Thông báo thử 75' }).click();
    await page.waitForFunction(
      "document.querySelectorAll('.notification-drawer .notification-unread').length === 59",
    );
    const [{ read_at }] = (await db.query(
      "SELECT n.read_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'inspector' AND n.title = 'Thông báo thử 75'",
    )) as { read_at: Date | null }[];
    expect(read_at).not.toBeNull();
    await drawer.getByRole('button', { name: 'Xem thông báo cũ hơn' }).click();
    await drawer.getByText('Thông báo thử 31', { exact: true }).waitFor();
    expect(await drawer.locator('.notification-unread').count()).toBe(89);
  });

  it('exports the filtered list to an XLSX file whose rows match the screen', async () => {
    await createTask('Xuất tệp Excel A', '2026-04-01');
    await createTask('=Xuất tệp Excel B', '2026-04-02');
    const page = await newPage();
    await signIn(page, baseUrl, 'inspector');
    await taskList(page, 'Xuất tệp Excel');
    await page.getByRole('link', { name: 'Xuất tệp Excel A' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nhiem-vu.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const rows = workbook
      .getWorksheet('Nhiệm vụ')!
      .getSheetValues()
      .slice(1)
      .map((values) => (values as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Lãnh đạo phụ trách', 'Thời hạn'],
      [1, 'Xuất tệp Excel A', unitNames.VHXH, '', '01/04/2026'],
      [2, "'=Xuất tệp Excel B", unitNames.VHXH, '', '02/04/2026'],
    ]);
    expect(await page.getByLabel(/^Chọn:/).count()).toBe(0);
  });

  it('Tổng quan: figures by state link to the filtered list; no serious axe violation at both sizes', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await newPage(viewport);
      await signIn(page, baseUrl, 'chairman');
      await page.goto(`${baseUrl}/tong-quan`);
      await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
      await page.getByRole('img', { name: /Biểu đồ nhiệm vụ theo trạng thái/ }).waitFor();
      await page.getByText('Chỉ tiêu: 90%').waitFor();
      expect({ viewport, violations: await seriousViolations(page) }).toEqual({
        viewport,
        violations: [],
      });
      await screenshot(page, `tong-quan-${viewport}`);
      if (viewport === 'desktop') {
        await page.getByRole('link', { name: /^Đã hủy: \d+ nhiệm vụ$/ }).click();
        await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
        expect(new URL(page.url()).searchParams.get('state')).toBe('cancelled');
      }
    }
  });
});
