import { INestApplication } from '@nestjs/common';
import { Page } from 'playwright-core';
import { ManualClock } from '@cchc/common';
import {
  ConsoleBrowser,
  screenshot,
  seriousViolations,
  signIn,
  VIEWPORTS,
} from './support/browser';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/**
 * The ward admin's screen in Chromium (import staff from a sheet, one-time passwords, reset),
 * and a new user's first sign-in: the change-password form before any other screen.
 */
/** What the checks read of the page's elements (the tests compile without the DOM's types). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): { right: number };
  closest(selector: string): Box;
}
type Styles = { getComputedStyle(element: unknown): { fontSize: string } };

describe('console: ward admin and first sign-in (Chromium, MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const chromium = new ConsoleBrowser();
  let api: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    await freshEnvironment('console_admin');
    api = await startApi(clock);
    await api.listen(0, '127.0.0.1');
    baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await chromium.launch();
  });

  afterAll(async () => {
    await chromium.close();
    await api?.close();
  });

  afterEach(() => {
    expect(chromium.takeErrors()).toEqual([]);
  });

  const upload = async (page: Page, button: string, name: string, text: string) => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: button }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  };

  /** The one-time password the screen shows for `username`. */
  const shownPassword = async (page: Page, username: string) => {
    const row = page
      .getByRole('alert')
      .or(page.locator('.ant-alert-success'))
      .getByRole('row', { name: new RegExp(`^${username} `) });
    return (await row.getByRole('cell').nth(2).innerText()).trim();
  };

  let oneTimePassword: string;

  it('imports staff from a sheet, refusing a wrong one by row, and shows one-time passwords', async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl, 'admin');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Quản trị đơn vị', level: 1 }).waitFor();

    await upload(
      page,
      'Nhập cán bộ từ tệp',
      'can-bo-sai.csv',
      'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nHoàng Nam,hoang.nam,officer,\n',
    );
    await page
      .getByText('Dòng 2: Đơn vị: vai trò Cán bộ, công chức cần đơn vị công tác.')
      .waitFor();

    await upload(
      page,
      'Nhập cán bộ từ tệp',
      'can-bo.csv',
      'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nHoàng Văn Nam,hoang.nam,officer,VHXH\n',
    );
    await page.getByText('Mật khẩu dùng một lần (chỉ hiện lần này').waitFor();
    oneTimePassword = await shownPassword(page, 'hoang.nam');
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/);
    await page.getByRole('row', { name: /hoang\.nam .*Chưa đổi mật khẩu/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'admin-phone');
  });

  it('makes the new user replace the one-time password before showing any screen', async () => {
    const page = await chromium.newPage();
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('hoang.nam');
    await page.getByLabel('Mật khẩu').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'change-password');

    await page.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu từ 10 đến 128 ký tự', { exact: false }).first().waitFor();

    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Nam-VHXH-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Nam-VHXH-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
  });

  it('gives a forgotten password a new one-time password', async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/quan-tri`);
    await page.getByRole('button', { name: 'Cấp lại mật khẩu: hoang.nam' }).click();
    // Asked first, naming the account and what happens.
    const ask = page.getByRole('tooltip').filter({ hasText: 'Cấp lại mật khẩu cho hoang.nam' });
    await ask.getByText('Mật khẩu dùng một lần mới thay thế mật khẩu cũ').waitFor();
    await ask.getByRole('button', { name: 'Cấp lại mật khẩu' }).click();
    await page.getByText('Mật khẩu dùng một lần (chỉ hiện lần này').waitFor();
    const again = await shownPassword(page, 'hoang.nam');
    expect(again).not.toBe(oneTimePassword);
    await page.getByRole('row', { name: /hoang\.nam .*Chưa đổi mật khẩu/ }).waitFor();
  });

  it('locks an account only once asked, and never offers the admin to lock or reset their own', async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/quan-tri`);
    const own = page.getByRole('row', { name: /^admin / });
    await own.waitFor();
    await own.getByText('Tài khoản của bạn').waitFor();
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Khóa: admin', exact: true }).count()).toBe(0);
    expect(
      await page.getByRole('button', { name: 'Cấp lại mật khẩu: admin', exact: true }).count(),
    ).toBe(0);
    await own.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-own-row');
    // Section headings are smaller than the page title.
    const size = (name: string, level: number) =>
      page
        .getByRole('heading', { name, level, exact: true })
        .evaluate((element) =>
          parseFloat((globalThis as unknown as Styles).getComputedStyle(element).fontSize),
        );
    expect(await size('Tài khoản', 2)).toBeLessThan(await size('Quản trị đơn vị', 1));

    const row = page.getByRole('row', { name: /^hoang\.nam / });
    await page.getByRole('button', { name: 'Khóa: hoang.nam' }).click();
    const ask = page.getByRole('tooltip').filter({ hasText: 'Khóa tài khoản hoang.nam' });
    await ask.getByText('bị đăng xuất ngay và không đăng nhập được').waitFor();
    await screenshot(page, 'admin-lock-confirm');
    await ask.getByRole('button', { name: 'Đóng' }).click();
    await ask.waitFor({ state: 'hidden' });
    await row.getByText('Đang dùng').waitFor();

    await page.getByRole('button', { name: 'Khóa: hoang.nam' }).click();
    await ask.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await row.getByText('Đã khóa').waitFor();
    await page.getByRole('button', { name: 'Mở khóa: hoang.nam' }).click();
    await row.getByText('Đang dùng').waitFor();
  });

  it('shows "Cấp lại mật khẩu" whole on a phone', async () => {
    const page = await chromium.newPage('phone');
    await signIn(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/quan-tri`);
    const button = page.getByRole('button', { name: 'Cấp lại mật khẩu: hoang.nam' });
    await button.scrollIntoViewIfNeeded();
    // Neither its text overflows the button, nor the button its cell.
    const fits = await button.evaluate((node) => {
      const element = node as unknown as Box;
      const [own, cell] = [element, element.closest('td')].map((box) =>
        box.getBoundingClientRect(),
      );
      return element.scrollWidth <= element.clientWidth && own.right <= cell.right + 0.5;
    });
    expect(fits).toBe(true);
    await screenshot(page, 'admin-accounts-phone');
  });

  it('answers a typed URL of a page the role may not open with a 403 page', async () => {
    for (const [username, path] of [
      ['coordinator', '/quan-tri'],
      ['coordinator', '/nhat-ky'],
      ['system_admin', '/quan-tri'],
    ] as const) {
      const page = await chromium.newPage(username === 'coordinator' ? 'phone' : 'desktop');
      await signIn(page, baseUrl, username);
      await page.goto(`${baseUrl}${path}`);
      await page.getByText('Bạn không có quyền truy cập trang này').waitFor();
      expect(await page.getByRole('button', { name: 'Nhập đơn vị từ tệp' }).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `403-${username}${path.replace('/', '-')}`);
      await page.getByRole('link', { name: 'Về trang chủ' }).click();
      await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    }
  });
});
