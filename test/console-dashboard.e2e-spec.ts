import { Page } from 'playwright-core';
import { WorkingCalendar } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { TASK_STATE_LABELS, TASK_STATES, TaskState } from '@cchc/domain';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn, VIEWPORTS } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';
import { eventually } from './support/test-app';

/**
 * Issue 12, screens 2 and 8 and the phone layout: the chairman's escalations in "Việc cần làm",
 * the task figures of "Tổng quan" (tasks by state as the API and the list count them) linked to
 * their lists, and every screen at 390 px wide with
 * its navigation in a drawer and no page scrolling sideways.
 */
describe('console: escalations, task figures and the phone layout (Chromium, MariaDB)', () => {
  const today = '2026-03-02';
  const clock = new ManualClock(new Date(`${today}T09:00:00+07:00`));
  const overdueTitle = 'Rà soát thủ tục giải quyết quá hạn';
  let baseUrl: string;
  let client: ApiClient;

  const { newPage } = consoleSuite('console_dashboard', clock, async (suite) => {
    ({ baseUrl, client } = suite);
    const { units, users } = await demoWardIds(client);
    const create = async (title: string, dueDate: string) => {
      const response = await client.post('coordinator', '/tasks', {
        title,
        leadUnitId: units.VHXH,
        leaderId: users.leader,
        dueDate,
      });
      expect(response.status).toBe(201);
      return response.body as { id: string; version: number };
    };
    const send = async (username: string, id: string, body: object) => {
      const response = await client.post(username, `/tasks/${id}/events`, body);
      expect(response.status).toBe(200);
      return response.body as { version: number };
    };
    const done = await create('Công khai kết quả giải quyết hồ sơ', '2026-03-20');
    let { version } = await send('officer', done.id, { type: 'START', version: done.version });
    ({ version } = await send('officer', done.id, {
      type: 'SUBMIT_REPORT',
      version,
      report: 'Xong',
    }));
    await send('leader', done.id, { type: 'APPROVE', version });
    // Past its date by more than the 3 working days after which the chairman is told.
    const late = await create(overdueTitle, new WorkingCalendar().subtractWorkingDays(today, 4));
    await suite.startWorker();
    await eventually(
      async () =>
        (
          (await client.get('chairman', '/escalations?kind=escalate')).body as { taskId: string }[]
        ).some((row) => row.taskId === late.id),
      20_000,
      'the escalation to the chairman',
    );
  });

  /** The page never scrolls sideways (a wide table scrolls inside its card). */
  const pageWidthFits = async (page: Page) =>
    (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) as boolean;

  it('shows the chairman the tasks escalated to them, with the lead unit, linked to the task', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'chairman');
      const section = page.locator('.ant-card').filter({
        has: page.getByRole('heading', { name: /^Nhiệm vụ chuyển lên Chủ tịch/, level: 2 }),
      });
      await section.getByText('Đơn vị chủ trì: Phòng Văn hóa - Xã hội').waitFor();
      expect(await section.getByRole('heading', { level: 2 }).textContent()).toMatch(/1$/);
      await screenshot(page, `inbox-chairman-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await pageWidthFits(page)).toBe(true);
      if (size === 'desktop') {
        await section.getByRole('link', { name: overdueTitle }).click();
        await page.getByRole('heading', { name: overdueTitle, level: 1 }).waitFor();
      }
    }
  }, 120_000);

  it('shows on-time completion by unit, overdue by area and the month’s escalations, each linked to its list', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'chairman');
      await navigate(page, 'Tổng quan');
      await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
      await page
        .getByRole('link', { name: 'Phòng Văn hóa - Xã hội: 100% đúng hạn (1/1 nhiệm vụ)' })
        .waitFor();
      await page.getByRole('link', { name: 'Ngoài kế hoạch: 1 nhiệm vụ quá hạn' }).waitFor();
      await page.getByText('Từ 01/03/2026 đến 31/03/2026: 1 lần chuyển cấp trên xử lý.').waitFor();
      await page
        .getByRole('img', { name: /^Tỷ lệ hoàn thành đúng hạn: Phòng Văn hóa - Xã hội 100%/ })
        .waitFor();
      await screenshot(page, `dashboard-tasks-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await pageWidthFits(page)).toBe(true);
    }
    const page = await newPage();
    await signIn(page, baseUrl, 'chairman');
    await page.goto(`${baseUrl}/tong-quan`);
    await page.getByRole('link', { name: 'Phòng Văn hóa - Xã hội: 1 lần chuyển lên' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await page.getByRole('link', { name: overdueTitle }).waitFor();
  }, 120_000);

  it('shows every state’s exact count, as the API and the list filtered by it count, linked to that list', async () => {
    const stats = await client.get('chairman', '/stats/tasks');
    const byState = stats.body.byState as { state: TaskState; count: number }[];
    expect(byState.map((figure) => figure.state)).toEqual(TASK_STATES);
    // The done task is accepted; the late one is open or already marked overdue.
    expect(byState.find((figure) => figure.state === 'accepted')?.count).toBe(1);
    for (const { state, count } of byState) {
      const list = await client.get('chairman', `/tasks?state=${state}&pageSize=1`);
      expect({ state, count }).toEqual({ state, count: list.body.total });
    }
    const page = await newPage();
    await signIn(page, baseUrl, 'chairman');
    await page.goto(`${baseUrl}/tong-quan`);
    for (const { state, count } of byState)
      await page
        .getByRole('link', { name: `${TASK_STATE_LABELS[state]}: ${count} nhiệm vụ`, exact: true })
        .waitFor();
    await screenshot(page, 'dashboard-by-state');
    await page.getByRole('link', { name: 'Đã nghiệm thu: 1 nhiệm vụ', exact: true }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('state')).toBe('accepted');
    await page.getByRole('link', { name: 'Công khai kết quả giải quyết hồ sơ' }).waitFor();
  }, 120_000);

  it('puts the navigation in a drawer on a phone; no screen scrolls sideways', async () => {
    const desktop = await newPage('desktop');
    await signIn(desktop, baseUrl, 'coordinator');
    expect(await desktop.getByRole('button', { name: 'Menu', exact: true }).count()).toBe(0);
    await desktop
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Nhiệm vụ' })
      .waitFor();

    const phone = await newPage('phone');
    await signIn(phone, baseUrl, 'coordinator');
    const menu = phone.getByRole('button', { name: 'Menu', exact: true });
    expect(await phone.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await menu.click();
    const drawer = phone.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    // The drawer slides in: the screenshot waits until it is all there.
    await eventually(async () => (await drawer.boundingBox())?.x === 0, 5_000, 'the open drawer');
    await screenshot(phone, 'navigation-drawer-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await drawer.getByRole('link', { name: 'Nhiệm vụ' }).click();
    await phone.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    expect(phone.viewportSize()).toEqual(VIEWPORTS.phone);
    for (const [label, heading] of [
      ['Nhiệm vụ', 'Nhiệm vụ'],
      ['Hồ sơ TTHC', 'Hồ sơ TTHC'],
      ['Kế hoạch', 'Kế hoạch'],
      ['Việc cần làm', 'Việc cần làm'],
    ]) {
      await navigate(phone, label);
      await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Tables fill in after the heading: wait for the page to settle before measuring.
      await phone.waitForLoadState('networkidle');
      expect({ label, fits: await pageWidthFits(phone) }).toEqual({ label, fits: true });
    }
    await phone.goto(`${baseUrl}/nhiem-vu`);
    await phone.getByRole('link', { name: overdueTitle }).waitFor();
    await screenshot(phone, 'tasks-phone-layout');
    await phone.getByRole('link', { name: overdueTitle }).click();
    await phone.getByRole('heading', { name: overdueTitle, level: 1 }).waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await pageWidthFits(phone)).toBe(true);
  }, 120_000);
});
