import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { MotionPreference, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';
import { samplePdf } from './support/evidence-samples';
import { eventually } from './support/test-app';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The web console in Debian's Chromium against the real API on MariaDB, driven only by what a
 * person sees: labels, roles and texts.
 */
describe('web console (Chromium, MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  let units: Record<string, string>;
  let users: Record<string, string>;
  const suite = consoleSuite('console', clock, async (started) => {
    ({ baseUrl, client } = started);
    ({ units, users } = await demoWardIds(client));
  });
  const { newPage } = suite;

  async function createTask(title: string, dueDate = '2026-03-20') {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      leaderId: users.leader,
      product: 'Báo cáo kết quả',
      dueDate,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  }

  /** Clicks an event button on the task page, fills its form (and attaches files), confirms. */
  async function act(
    page: Page,
    button: string,
    fields: Record<string, string> = {},
    files: { name: string; mimeType: string; buffer: Buffer }[] = [],
  ) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    for (const file of files) {
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Chọn tệp' }).click();
      await (await chooser).setFiles(file);
    }
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('signs in, and says so when the password is wrong', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('officer');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
    expect(await page.context().cookies()).toEqual([]);
  });

  it('moves nothing for a person who asked the system for reduced motion, not even a clicked button', async () => {
    /** Clicks "Đăng nhập" on an empty form: how many waves spread from it, whether anything moved. */
    const afterClick = async (reducedMotion: MotionPreference) => {
      const page = await newPage('desktop', reducedMotion);
      await page.goto(`${baseUrl}/`);
      // Counts every wave put in the page, however briefly it stays.
      await page.evaluate(`window.waves = 0;
        new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => {
          if (node.matches?.('.ant-wave, :has(.ant-wave)')) window.waves++;
        }))).observe(document.body, { childList: true, subtree: true })`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Nhập tên đăng nhập').waitFor();
      if (reducedMotion === 'no-preference') await page.waitForFunction('window.waves > 0');
      // Ant Design puts its wave in a few frames after the click: none may come in this while.
      else await page.waitForTimeout(500);
      const moved = await page.evaluate<boolean>('document.getAnimations().length > 0');
      const waves = await page.evaluate<number>('window.waves');
      await page.context().close();
      return { waves, moved };
    };
    expect((await afterClick('no-preference')).waves).toBeGreaterThan(0);
    expect(await afterClick('reduce')).toEqual({ waves: 0, moved: false });
  });

  it('officer reports a task with a PDF; the leader approves it from "Việc cần làm" and downloads the file intact', async () => {
    const task = await createTask('Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa');
    const officer = await newPage();
    await signIn(officer, baseUrl, 'officer');
    await officer.getByRole('link', { name: 'Niêm yết công khai thủ tục hành chính' }).click();
    await act(officer, 'Bắt đầu thực hiện');
    const pdf = await samplePdf('Danh sách 45 thủ tục đã niêm yết');
    await act(officer, 'Gửi báo cáo', { 'Nội dung báo cáo': 'Đã niêm yết 45 thủ tục' }, [
      { name: 'Danh sách niêm yết.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await officer.getByText('Chờ nghiệm thu', { exact: true }).first().waitFor();

    const leader = await newPage();
    await signIn(leader, baseUrl, 'leader');
    const waiting = leader.getByRole('heading', { name: /Báo cáo chờ nghiệm thu/ });
    await waiting.waitFor();
    await leader.getByRole('link', { name: 'Niêm yết công khai thủ tục hành chính' }).click();
    await act(leader, 'Nghiệm thu');
    const timeline = leader.locator('.ant-timeline');
    await timeline.getByText('Trần Thị Hương — Lãnh đạo phụ trách').waitFor();
    expect(await timeline.getByText('Hoàng Văn Nam — Cán bộ, công chức').count()).toBe(2);
    expect(await timeline.getByText('Chờ nghiệm thu → Đã nghiệm thu').count()).toBe(1);
    const download = leader.waitForEvent('download');
    await timeline.getByRole('link', { name: 'Danh sách niêm yết.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Danh sách niêm yết.pdf');
    expect(sha256(await readFile((await file.path()) as string))).toBe(sha256(pdf));
    const view = await client.get('leader', `/tasks/${task.id}`);
    expect(view.body.state).toBe('accepted');
  });

  it('a returned report shows its reason in the officer’s inbox', async () => {
    const task = await createTask('Rà soát quy trình nội bộ giải quyết thủ tục');
    let version = task.version;
    for (const body of [{ type: 'START' }, { type: 'SUBMIT_REPORT', report: 'Đã rà soát' }]) {
      version = (await client.post('officer', `/tasks/${task.id}/events`, { ...body, version }))
        .body.version;
    }
    const leader = await newPage();
    await signIn(leader, baseUrl, 'leader');
    await leader.goto(`${baseUrl}/nhiem-vu/${task.id}`);
    await act(leader, 'Trả lại', { 'Lý do': 'Thiếu danh mục quy trình đã rà soát' });

    const officer = await newPage('phone');
    await signIn(officer, baseUrl, 'officer');
    await officer.getByText('Báo cáo bị trả lại: Thiếu danh mục quy trình đã rà soát').waitFor();
  });

  it('the inspector sees no action, and an event forced through the API is refused', async () => {
    const task = await createTask('Kiểm tra việc công khai ngân sách');
    const inspector = await newPage();
    await signIn(inspector, baseUrl, 'inspector');
    await inspector.goto(`${baseUrl}/nhiem-vu/${task.id}`);
    await inspector.getByRole('heading', { name: 'Lịch sử' }).waitFor();
    expect(await inspector.locator('.event-buttons button').count()).toBe(0);
    const forced = await client.post('inspector', `/tasks/${task.id}/events`, {
      type: 'START',
      version: task.version,
    });
    expect(forced.status).toBe(403);
  });

  it('two people act on one task at once: one wins, the other is told who acted', async () => {
    const task = await createTask('Cập nhật dữ liệu dân cư');
    const [first, second] = [await newPage(), await newPage()];
    await signIn(first, baseUrl, 'officer');
    await signIn(second, baseUrl, 'unit_head');
    for (const page of [first, second]) {
      await page.goto(`${baseUrl}/nhiem-vu/${task.id}`);
      await page.getByRole('button', { name: 'Bắt đầu thực hiện', exact: true }).waitFor();
    }
    await act(first, 'Bắt đầu thực hiện');
    await act(second, 'Bắt đầu thực hiện');
    await second.getByText(/vừa được Hoàng Văn Nam cập nhật/).waitFor();
    await second.getByRole('button', { name: 'Gửi báo cáo', exact: true }).waitFor();
  });

  it('an empty event form says what to fill or pick beside each field, and sends nothing', async () => {
    const task = await createTask('Cập nhật danh mục thủ tục trên cổng dịch vụ công');
    const page = await newPage();
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/nhiem-vu/${task.id}`);
    await page.getByRole('button', { name: 'Giao lại', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Giao lại', exact: true }).click();
    // A unit is picked, not typed; the refused form throws nothing (the suite checks the console).
    await dialog.getByText('Chọn cơ quan chủ trì mới').waitFor();
    expect(await dialog.getByRole('button', { name: 'Hủy', exact: true }).count()).toBe(0);
    await screenshot(page, 'nhiem-vu-giao-lai-trong-desktop');
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await client.get('coordinator', `/tasks/${task.id}`)).body.version).toBe(task.version);
  });

  it('every screen, at desktop and phone size: screenshots and no serious accessibility violation', async () => {
    const task = await createTask('Số hóa kết quả giải quyết thủ tục hành chính', '2026-03-04');
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await newPage(viewport);
      await page.goto(`${baseUrl}/dang-nhap`);
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `dang-nhap-${viewport}`);
      await signIn(page, baseUrl, 'officer');
      const signedIn: [string, string, () => Promise<unknown>][] = [
        ['viec-can-lam', '/viec-can-lam', () => page.getByText('Nhiệm vụ cần bắt đầu').waitFor()],
        ['nhiem-vu', '/nhiem-vu', () => page.getByText('Số hóa kết quả').first().waitFor()],
        [
          'nhiem-vu-chi-tiet',
          `/nhiem-vu/${task.id}`,
          () => page.getByRole('heading', { name: 'Lịch sử' }).waitFor(),
        ],
      ];
      for (const [name, path, ready] of signedIn) {
        await page.goto(`${baseUrl}${path}`);
        await ready();
        expect({ name, violations: await seriousViolations(page) }).toEqual({
          name,
          violations: [],
        });
        await screenshot(page, `${name}-${viewport}`);
      }
    }
  }, 300_000);

  it("a long-overdue task's history names each escalation's level and recipients, never two alike", async () => {
    // Due two months ago: once the worker runs, the deadline and both levels of the default
    // policy (3 and 10 working days after, both to the chairman) fire together.
    const task = await createTask(
      'Rà soát quy trình nội bộ giải quyết thủ tục hành chính',
      '2026-01-05',
    );
    await suite.startWorker();
    const escalations = async () =>
      (
        (await client.get('chairman', `/tasks/${task.id}/history`)).body as {
          event: string;
          payload: { level: number } | null;
        }[]
      ).filter((entry) => entry.event === 'ESCALATE');
    await eventually(async () => (await escalations()).length === 2, 15_000, 'two escalations');
    // Two levels, one audit event each, in order: whichever job runs first fires level 1 first.
    expect((await escalations()).map((entry) => entry.payload?.level)).toEqual([1, 2]);

    const page = await newPage();
    await signIn(page, baseUrl, 'chairman');
    await page.goto(`${baseUrl}/nhiem-vu/${task.id}`);
    await page.getByRole('heading', { name: 'Lịch sử' }).waitFor();
    const headings = page.locator('.timeline-entry strong');
    await page.getByText('Chuyển cấp trên xử lý lần 2: Chủ tịch UBND', { exact: true }).waitFor();
    expect(await headings.allInnerTexts()).toEqual([
      'Giao nhiệm vụ',
      'Quá hạn',
      'Chuyển cấp trên xử lý lần 1: Chủ tịch UBND',
      'Chuyển cấp trên xử lý lần 2: Chủ tịch UBND',
    ]);
    await page.getByRole('heading', { name: 'Lịch sử' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'task-history-escalations-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});
