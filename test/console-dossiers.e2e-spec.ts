import { readFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { Page } from 'playwright-core';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';
import { eventually } from './support/test-app';

/**
 * Issue 12, screen 7 and browser flow 4: a dossier misses its appointment, the worker drafts
 * the apology slip, the unit head previews it, signs it with "Ký phiếu" and downloads its PDF.
 */
const DAY = (date: string) => new Date(`${date}T10:00:00+07:00`);
const CODE = 'HS-2026-0042';

describe('web console: Hồ sơ TTHC (Chromium, MariaDB)', () => {
  const clock = new ManualClock(DAY('2026-02-12'));
  let baseUrl: string;
  let client: ApiClient;
  let worker: INestApplicationContext;
  let startWorker: () => Promise<INestApplicationContext>;

  const slips = async () =>
    (await client.get('unit_head', `/dossiers/${CODE}/apologies`)).body as {
      status: string;
      reason: string | null;
    }[];

  const { newPage } = consoleSuite('console_dossiers', clock, async (suite) => {
    ({ baseUrl, client } = suite);
    const { units } = await demoWardIds(client);
    const procedure = await client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: units.VHXH,
    });
    expect(procedure.status).toBe(201);
    const dossier = await client.post('one_stop_officer', '/dossiers', {
      code: CODE,
      procedureCode: '1.000894',
      applicant: { name: 'Nguyễn Thị Hằng', phone: '0912 345 678' },
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect(dossier.body).toMatchObject({ appointmentDate: '2026-02-26' });
    // First touched after the appointment (26/02): the event starts an overdue apology round.
    clock.set(DAY('2026-02-27'));
    const started = await client.post('officer', `/dossiers/${CODE}/events`, {
      type: 'START_PROCESSING',
      version: dossier.body.version,
    });
    expect(started.body).toMatchObject({ apologyRound: 1 });
    startWorker = () => suite.startWorker();
    worker = await startWorker();
    await eventually(async () => (await slips())[0]?.status === 'draft', 10_000, 'the draft');
  });

  it('lists dossiers with their filters in the URL, at both sizes', async () => {
    const bad = await client.get('unit_head', '/dossiers?apology=maybe&appointmentTo=2026-02-30');
    expect(bad.status).toBe(400);
    // Both bad fields are named.
    expect(JSON.stringify(bad.body)).toContain('apology phải là một trong');
    expect(JSON.stringify(bad.body)).toContain('appointmentTo');
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'unit_head');
      await navigate(page, 'Hồ sơ TTHC');
      await page.getByRole('heading', { name: 'Hồ sơ TTHC', level: 1 }).waitFor();
      await page.getByRole('link', { name: CODE }).waitFor();
      await screenshot(page, `dossiers-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const page = await newPage();
    await signIn(page, baseUrl, 'unit_head');
    await page.goto(`${baseUrl}/ho-so?apology=none`);
    await page.getByText('Không có hồ sơ phù hợp').waitFor();
    expect(await page.getByRole('link', { name: CODE }).count()).toBe(0);
    await page.goto(`${baseUrl}/ho-so?apology=pending&overdue=true&appointmentTo=2026-02-28`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CODE }) });
    await row.getByText('Phiếu chờ ký', { exact: true }).waitFor();
    await row.getByText('Quá hạn', { exact: true }).waitFor();
  }, 120_000);

  it('shows the unit head the slip to sign and the one-stop desk the missed appointment, each linked to the dossier', async () => {
    const sectionOf = (page: Page, title: string) =>
      page.locator('.ant-card').filter({
        has: page.getByRole('heading', { name: new RegExp(`^${title}`), level: 2 }),
      });
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'unit_head');
      const slips = sectionOf(page, 'Phiếu xin lỗi chờ ký');
      await slips.getByText(/^Phiếu lần 1: lỡ hẹn 26\/02\/2026, hẹn lại/).waitFor();
      expect(await slips.getByRole('heading', { level: 2 }).textContent()).toMatch(/1$/);
      await screenshot(page, `inbox-unit-head-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      if (size === 'phone') continue;
      await slips.getByRole('link', { name: `${CODE} — Nguyễn Thị Hằng` }).click();
      await page.getByRole('heading', { name: `Hồ sơ ${CODE}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Ký phiếu' }).waitFor();
    }
    const desk = await newPage();
    await signIn(desk, baseUrl, 'one_stop_officer');
    const due = sectionOf(desk, 'Hồ sơ sắp đến hạn / quá hạn hẹn trả');
    // Overdue stands out in red, as on the dossier pages.
    await due.locator('.ant-tag-red', { hasText: 'Quá hạn hẹn trả 1 ngày làm việc' }).waitFor();
    await due.getByRole('link', { name: `${CODE} — Nguyễn Thị Hằng` }).waitFor();
    await screenshot(desk, 'inbox-one-stop-desktop');
    expect(await seriousViolations(desk)).toEqual([]);
  }, 120_000);

  it('unit head previews the draft, signs it with "Ký phiếu" and downloads its PDF', async () => {
    const phone = await newPage('phone');
    await signIn(phone, baseUrl, 'unit_head');
    await phone.goto(`${baseUrl}/ho-so/${CODE}`);
    await phone.getByRole('button', { name: 'Ký phiếu' }).waitFor();
    await screenshot(phone, 'dossier-phone');
    expect(await seriousViolations(phone)).toEqual([]);

    const page = await newPage();
    await signIn(page, baseUrl, 'unit_head');
    await navigate(page, 'Hồ sơ TTHC');
    await page.getByRole('link', { name: CODE }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${CODE}`, level: 1 }).waitFor();
    const preview = page.locator('iframe[title="Xem trước phiếu lần 1"]');
    expect(await preview.getAttribute('src')).toMatch(/format=pdf&inline=true$/);
    await screenshot(page, 'dossier-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    const reason = 'Hồ sơ cần xác minh thêm thông tin hộ tịch tại nơi cư trú trước đây';
    await page.getByLabel('Lý do').fill(reason);
    // A refusal reads with the field's label, not the API's field code.
    const date = page.getByLabel('Ngày hẹn trả mới');
    const proposed = await date.inputValue();
    await date.fill('28/02/2026'); // a Saturday
    await date.press('Enter'); // submits the form, as "Ký phiếu" does
    await page.getByRole('dialog').getByRole('button', { name: 'Ký và phát hành' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'không phải ngày làm việc' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^Ngày hẹn trả mới: ngày 28\/02\/2026 không phải/);
    await date.fill(proposed);
    await date.press('Enter');
    // An official, numbered document: the head confirms before it is issued.
    const confirm = page.getByRole('dialog', { name: 'Ký và phát hành phiếu xin lỗi lần 1?' });
    await confirm.getByText('Phiếu được cấp số và phát hành chính thức').waitFor();
    await screenshot(page, 'dossier-sign-confirm-desktop');
    await confirm.getByRole('button', { name: 'Ký và phát hành' }).click();
    await page.getByRole('button', { name: 'Ký phiếu' }).waitFor({ state: 'detached' });
    // Without reloading: the page asks again until the worker has issued the slip.
    await page
      .getByRole('status')
      .getByText(/^Đã ký phiếu lần 1; phiếu số \S+ được phát hành\.$/)
      .waitFor({ timeout: 20_000 });
    await page.getByText(/^Đã ký ngày 27\/02\/2026$/).waitFor();
    expect(await page.getByText('Dự thảo, chờ ký').count()).toBe(0);
    expect((await slips())[0]).toMatchObject({ status: 'issued', reason });
    await page.getByText('Ký phiếu xin lỗi và hẹn lại', { exact: true }).waitFor();
    // A new appointment ahead: no longer overdue, but it did miss one.
    await page.getByText('Trễ hẹn', { exact: true }).waitFor();
    expect(await page.getByText('Quá hạn', { exact: true }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải phiếu PDF' }).click(),
    ]);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await screenshot(page, 'dossier-signed-desktop');
  }, 120_000);

  it('moves a dossier on from its page: each step the user may take, asking what it needs', async () => {
    const code = 'HS-2026-0043';
    const received = await client.post('one_stop_officer', '/dossiers', {
      code,
      procedureCode: '1.000894',
      applicant: { name: 'Trần Văn Bình', phone: '0987 654 321' },
      receivedAt: '2026-02-26T09:00:00+07:00',
    });
    expect(received.status).toBe(201);
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'officer');
      await page.goto(`${baseUrl}/ho-so/${code}`);
      await page.getByRole('heading', { name: `Hồ sơ ${code}`, level: 1 }).waitFor();
      // The handling unit's officer sees the applicant's phone, and only the steps it may take.
      await page.getByText('0987 654 321').waitFor();
      await page.getByRole('button', { name: 'Bắt đầu xử lý' }).waitFor();
      expect(await page.getByRole('button', { name: 'Trả kết quả' }).count()).toBe(0);
      await screenshot(page, `dossier-actions-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const page = await newPage();
    await signIn(page, baseUrl, 'officer');
    await page.goto(`${baseUrl}/ho-so/${code}`);
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    const start = page.getByRole('dialog', { name: `Bắt đầu xử lý (${code})` });
    await start
      .getByText(`Xác nhận “Bắt đầu xử lý” cho hồ sơ ${code} của Trần Văn Bình?`)
      .waitFor();
    await start.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await start.waitFor({ state: 'detached' });
    await page.getByText('Đang xử lý', { exact: true }).first().waitFor();
    // A supplement needs its content: asked for beside the field, nothing sent without it.
    await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    const supplement = page.getByRole('dialog', { name: `Yêu cầu bổ sung hồ sơ (${code})` });
    await supplement.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    await supplement.getByText('Nhập nội dung cần bổ sung').waitFor();
    expect((await client.get('officer', `/dossiers/${code}`)).body.state).toBe('processing');
    await supplement.getByLabel('Nội dung cần bổ sung').fill('Bổ sung bản sao giấy chứng sinh');
    await screenshot(page, 'dossier-supplement-dialog-desktop');
    await supplement.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    await supplement.waitFor({ state: 'detached' });
    await page.getByText('Chờ bổ sung', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ bổ sung' }).waitFor();
    const history = (await client.get('officer', `/dossiers/${code}`)).body.history as {
      event: string;
      reason: string | null;
    }[];
    expect(history.map((entry) => [entry.event, entry.reason])).toEqual([
      ['RECEIVED', null],
      ['START_PROCESSING', null],
      ['REQUEST_SUPPLEMENT', 'Bổ sung bản sao giấy chứng sinh'],
    ]);
  }, 120_000);

  it("dates the receipt at the dossier's receipt time, and waits for a slip signed before the page opened", async () => {
    const code = 'HS-2026-0044';
    // Received at the desk on 12/02, entered into the system only now (27/02, 10:00).
    const received = await client.post('one_stop_officer', '/dossiers', {
      code,
      procedureCode: '1.000894',
      applicant: { name: 'Lê Thị Mai', phone: '0903 111 222' },
      receivedAt: '2026-02-12T14:15:00+07:00',
    });
    expect(received.status).toBe(201);
    const started = await client.post('officer', `/dossiers/${code}/events`, {
      type: 'START_PROCESSING',
      version: received.body.version,
    });
    expect(started.body).toMatchObject({ apologyRound: 1 });
    const slipsOf = async () =>
      (await client.get('unit_head', `/dossiers/${code}/apologies`)).body as { status: string }[];
    await eventually(async () => (await slipsOf())[0]?.status === 'draft', 10_000, 'the draft');

    // Signed while the worker is down: the slip stays a draft until it is back.
    await worker.close();
    const view = await client.get('unit_head', `/dossiers/${code}`);
    const signed = await client.post('unit_head', `/dossiers/${code}/events`, {
      type: 'APPROVE_APOLOGY',
      version: view.body.version,
      reason: 'Hồ sơ tiếp nhận trên giấy, nhập vào hệ thống chậm',
    });
    expect([signed.status, signed.body.message]).toEqual([200, undefined]);
    expect((await slipsOf())[0]).toMatchObject({ status: 'draft' });

    const page = await newPage();
    await signIn(page, baseUrl, 'unit_head');
    await page.goto(`${baseUrl}/ho-so/${code}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}`, level: 1 }).waitFor();
    await page.getByText('Đã ký, đang phát hành phiếu…').waitFor();
    // Until issued, what downloads is the draft, and says so.
    await page.getByRole('link', { name: 'Tải dự thảo PDF' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tải phiếu PDF' }).count()).toBe(0);
    // The reason signed goes with the slip to the worker: not "—" meanwhile.
    await page.getByText('Lý do đã ghi khi ký, hiện khi phiếu được cấp số').waitFor();
    await page
      .getByRole('status')
      .getByText('Đã ký phiếu lần 1; đang cấp số và phát hành phiếu…')
      .waitFor();
    // The history dates the receipt when the desk received the dossier, and says when it was
    // recorded; the other entries when they happened.
    const history = page.locator('.ant-card').filter({
      has: page.getByRole('heading', { name: 'Lịch sử', level: 2 }),
    });
    const receipt = history.locator('.timeline-entry').filter({ hasText: 'Tiếp nhận hồ sơ' });
    expect(await receipt.locator('.ant-typography-secondary').innerText()).toBe(
      '14:15 12/02/2026 (ghi nhận vào hệ thống lúc 10:00 27/02/2026)',
    );
    await screenshot(page, 'dossier-signed-awaiting-issue-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    // The worker is back: the page, opened after the signature, asks again until the slip is
    // issued, without a reload.
    worker = await startWorker();
    await page
      .getByRole('status')
      .getByText(/^Đã ký phiếu lần 1; phiếu số \S+ được phát hành\.$/)
      .waitFor({ timeout: 25_000 });
    await page.getByText(/^Đã ký ngày 27\/02\/2026$/).waitFor();
    expect(await page.getByText('Đã ký, đang phát hành phiếu…').count()).toBe(0);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'dossier-issued-after-open-desktop');
  }, 120_000);

  it("finds a dossier by its code or its applicant's name typed without diacritics, at both sizes", async () => {
    // HS-2026-0042 Nguyễn Thị Hằng, HS-2026-0043 Trần Văn Bình, HS-2026-0044 Lê Thị Mai.
    const links = (page: Page) => page.getByRole('link', { name: /^HS-2026-/ }).allTextContents();
    const search = async (page: Page, text: string) => {
      const box = page.getByLabel('Tìm hồ sơ');
      await box.fill(text);
      await box.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === text.trim());
    };
    for (const size of ['desktop', 'phone'] as const) {
      const page = await newPage(size);
      await signIn(page, baseUrl, 'one_stop_officer');
      await navigate(page, 'Hồ sơ TTHC');
      await page.getByRole('link', { name: CODE }).waitFor();
      await search(page, 'tran van binh');
      await page.getByRole('link', { name: 'HS-2026-0043' }).waitFor();
      await page.getByRole('link', { name: CODE }).waitFor({ state: 'detached' });
      expect(await links(page)).toEqual(['HS-2026-0043']);
      await screenshot(page, `dossiers-search-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const page = await newPage();
    await signIn(page, baseUrl, 'one_stop_officer');
    await page.goto(`${baseUrl}/ho-so`);
    // A code from its start, in any case; a whole code is that dossier.
    await search(page, 'hs-2026-004');
    await page.getByRole('link', { name: 'HS-2026-0044' }).waitFor();
    expect((await links(page)).sort()).toEqual(['HS-2026-0042', 'HS-2026-0043', 'HS-2026-0044']);
    await search(page, 'HS-2026-0044');
    await page.getByRole('link', { name: CODE }).waitFor({ state: 'detached' });
    expect(await links(page)).toEqual(['HS-2026-0044']);
    // With the other filters, kept in the URL; the box shows the search of a link opened.
    await page.goto(`${baseUrl}/ho-so?q=${encodeURIComponent('Nguyễn')}&apology=signed`);
    await page.getByRole('link', { name: CODE }).waitFor();
    expect(await links(page)).toEqual([CODE]);
    expect(await page.getByLabel('Tìm hồ sơ').inputValue()).toBe('Nguyễn');
    await page.goto(`${baseUrl}/ho-so?q=${encodeURIComponent('Nguyễn')}&apology=none`);
    await page
      .getByText('Không có hồ sơ phù hợp (mã hồ sơ hoặc họ tên người nộp bắt đầu bằng “Nguyễn”)')
      .waitFor();
    // Too long (only a typed URL can be: the box stops at 100): the refusal in Vietnamese.
    await page.goto(`${baseUrl}/ho-so?q=${'a'.repeat(101)}`);
    await page.getByRole('alert').getByText('Tìm hồ sơ: dài quá 100 ký tự').waitFor();
    await page.getByLabel('Tìm hồ sơ').fill('x'.repeat(120));
    expect((await page.getByLabel('Tìm hồ sơ').inputValue()).length).toBe(100);
  }, 120_000);
});
