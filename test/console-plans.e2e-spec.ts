import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';
import { describeWithSeed, SEEDS_DIR } from './support/seeds';

interface Problem {
  row: number | null;
  message: string;
}

/** Screen 6 "Kế hoạch": the coordinator imports a real ward plan through the wizard. */
describeWithSeed('002', 'web console: plans and the import wizard (Chromium, seed 002)', () => {
  // Chromium renders, and axe checks, a preview of every row of a real plan: slower than a form.
  jest.setTimeout(180_000);
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const seedFile = () => {
    const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith('002'));
    return join(SEEDS_DIR, String(name));
  };
  let baseUrl: string;
  let client: ApiClient;
  const suite = consoleSuite('console_plans', clock, async (started) => {
    ({ baseUrl, client } = started);
  });
  const { newPage } = suite;

  async function chooseFile(page: Page, path: string) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp kế hoạch' }).click();
    await (await chooser).setFiles(path);
  }

  async function check(page: Page, name: string) {
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  /** A one-task plan under the given title, in a file outside the repository. */
  const planText = (title: string) =>
    [
      title,
      'TT\tLĩnh vực, tiêu chí\tCơ quan chủ trì\tThời gian hoàn thành',
      'I\tCông tác chỉ đạo, điều hành\t\t',
      '1.1\tKế hoạch CCHC năm\tVăn phòng HĐND&UBND\tQuý I/2026',
    ].join('\n');
  const planDir = mkdtempSync(join(tmpdir(), 'cchc-plan-'));
  const planFile = (name: string, title: string) => {
    const path = join(planDir, name);
    writeFileSync(path, planText(title));
    return path;
  };

  function kindRadios(page: Page) {
    const group = page.getByRole('radiogroup', { name: 'Loại kế hoạch' });
    const label = (name: string) => group.locator('label').filter({ hasText: name });
    return {
      parIndex: group.getByRole('radio', { name: 'Kế hoạch nâng cao Chỉ số CCHC' }),
      reform: group.getByRole('radio', { name: 'Kế hoạch CCHC năm' }),
      pickParIndex: () => label('Kế hoạch nâng cao Chỉ số CCHC').click(),
      pickReform: () => label('Kế hoạch CCHC năm').click(),
    };
  }

  it('previews seed 002 with its rows and warnings, commits it, and shows the plan by area', async () => {
    const dryRun = await request(suite.api.getHttpServer())
      .post('/plans/import?dryRun=true')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach('file', seedFile());
    expect(dryRun.status).toBe(200);
    const expected = dryRun.body as {
      tasks: unknown[];
      warnings: Problem[];
      errors: Problem[];
      tasksToCreate: number;
      overdueOnImport: number;
    };
    expect(expected.errors).toEqual([]);

    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await navigate(page, 'Kế hoạch');
    await page.getByRole('heading', { name: 'Kế hoạch', level: 1 }).waitFor();
    await page.getByText('Chưa có kế hoạch nào được nhập').waitFor();
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Nhập kế hoạch', level: 1 }).waitFor();
    await chooseFile(page, seedFile());

    const rows = expected.tasks.length;
    // The rows, and the tasks they become (a row led by a group of units: one per unit).
    await page
      .getByText(
        `${rows} dòng nhiệm vụ → ${expected.tasksToCreate} nhiệm vụ sẽ được tạo, 7 lĩnh vực, ` +
          `${expected.warnings.length} cảnh báo, 0 lỗi`,
      )
      .waitFor();
    // Tasks due before the server's day (02/03/2026) are overdue as soon as they are imported.
    expect(expected.overdueOnImport).toBeGreaterThan(0);
    await page
      .getByText(
        `${expected.overdueOnImport} nhiệm vụ đã quá hạn ngay khi nhập (thời hạn trước ngày 02/03/2026)`,
      )
      .waitFor();
    const rowWarning = expected.warnings.find((warning) => warning.row !== null);
    if (rowWarning) {
      const cell = page.getByRole('cell', { name: `Dòng ${rowWarning.row}` }).first();
      await cell.waitFor();
      expect(await cell.textContent()).toContain(rowWarning.message);
    }
    await check(page, 'plans-import-preview-desktop');

    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByRole('link', { name: 'Xem kế hoạch' }).waitFor();
    const plans = (await client.get('coordinator', '/plans')).body as {
      id: string;
      tasks: number;
    }[];
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan.tasks).toBe(expected.tasksToCreate);
    await page.getByText(`Đã nhập kế hoạch: ${plan.tasks} nhiệm vụ, 7 lĩnh vực`).waitFor();
    const assigned = await client.get('coordinator', `/tasks?planId=${plan.id}&state=assigned`);
    expect(assigned.body.total).toBe(plan.tasks);

    await page.getByRole('link', { name: 'Xem kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Lĩnh vực', level: 2 }).waitFor();
    for (const code of ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'])
      await page.getByRole('cell', { name: code, exact: true }).first().waitFor();
    await check(page, 'plans-plan-desktop');

    // Each count opens the task list filtered to its plan, area and state.
    const areaOne = await client.get(
      'coordinator',
      `/tasks?planId=${plan.id}&areaCode=I&state=assigned`,
    );
    expect(areaOne.body.total).toBeGreaterThan(0);
    await page.getByRole('link', { name: `I, Đã giao: ${areaOne.body.total} nhiệm vụ` }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('areaCode')).toBe('I');
    await page.getByRole('link', { name: areaOne.body.items[0].title }).waitFor();
    // Each row says its STT in the plan (under its section), to find it in the Word table.
    const first = areaOne.body.items[0] as { title: string; areaCode: string; ordinal: string };
    expect(first).toMatchObject({ planId: plan.id, areaCode: 'I', ordinal: expect.any(String) });
    await page.getByRole('columnheader', { name: 'STT', exact: true }).waitFor();
    const firstRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: first.title, exact: true }) });
    await firstRow
      .getByRole('cell', { name: `I.${first.ordinal.split(':')[0]}`, exact: true })
      .waitFor();
    // A screenshot only: with a selection column and sideways scrolling, antd's hidden measure
    // row holds the "select all" checkbox (axe aria-hidden-focus), as before the STT column.
    await screenshot(page, 'tasks-plan-ordinal-desktop');

    await navigate(page, 'Kế hoạch');
    await page.getByRole('row').nth(1).getByRole('link').waitFor();
    await check(page, 'plans-list-desktop');
  });

  it('re-importing shows the diff cell by cell, and applies it only when confirmed', async () => {
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    await chooseFile(page, seedFile());
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByText('Kế hoạch không thay đổi so với lần nhập trước').waitFor();

    // The same plan with one deadline moved (a copy outside the repository).
    const amended = join(mkdtempSync(join(tmpdir(), 'cchc-plan-')), 'ke-hoach-dieu-chinh.txt');
    const text = readFileSync(seedFile(), 'utf8');
    expect(text).toContain('Trước ngày 15/01/2026');
    writeFileSync(amended, text.replace('Trước ngày 15/01/2026', 'Trước ngày 20/01/2026'));
    await chooseFile(page, amended);
    // The plan carries no number: the coordinator names the plan the file amends.
    await page.getByLabel('Điều chỉnh kế hoạch đã nhập').fill('Hải Dương');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByText('Kế hoạch này đã được nhập trước đây').waitFor();
    const change = page.getByRole('cell', { name: /Thời hạn:/ });
    expect(await change.textContent()).toMatch(/15\/01\/2026.*→.*20\/01\/2026/);
    await check(page, 'plans-import-diff-desktop');
    expect((await client.get('coordinator', '/plans')).body).toMatchObject([{ revision: 1 }]);

    await page.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
    await page.getByText('Đã điều chỉnh kế hoạch (lần 2)').waitFor();
    expect((await client.get('coordinator', '/plans')).body).toMatchObject([{ revision: 2 }]);
  });

  it('the task list refuses a malformed plan filter, naming it', async () => {
    const response = await client.get('coordinator', '/tasks?planId=abc');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('planId');
  });

  it('works on a phone', async () => {
    const page = await newPage('phone');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach`);
    const planLink = page.getByRole('row').nth(1).getByRole('link');
    await planLink.waitFor();
    await check(page, 'plans-list-phone');
    await planLink.click();
    await page.getByRole('heading', { name: 'Lĩnh vực', level: 2 }).waitFor();
    await check(page, 'plans-plan-phone');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    await chooseFile(page, seedFile());
    await page.getByRole('button', { name: 'Xác nhận nhập' }).waitFor();
    await check(page, 'plans-import-preview-phone');
  });

  it('the wizard preselects the kind the title suggests; the coordinator picks another, and the plan shows it', async () => {
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    const { parIndex, reform, pickParIndex } = kindRadios(page);

    await chooseFile(
      page,
      planFile('chi-so.txt', 'KẾ HOẠCH Nâng cao Chỉ số cải cách hành chính năm 2026'),
    );
    await page.getByText('Gợi ý: Tên kế hoạch có "Chỉ số cải cách hành chính"').waitFor();
    expect(await parIndex.isChecked()).toBe(true);

    // A title that does not say it: the suggestion is reform, the coordinator knows better.
    await chooseFile(
      page,
      planFile('tieu-chi-par.txt', 'KẾ HOẠCH Thực hiện các tiêu chí PAR Index năm 2026'),
    );
    await page.getByText('Gợi ý: Tên kế hoạch không nhắc đến Chỉ số CCHC').waitFor();
    expect(await reform.isChecked()).toBe(true);
    await pickParIndex();
    expect(await parIndex.isChecked()).toBe(true);
    await check(page, 'plans-import-kind-desktop');

    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByRole('link', { name: 'Xem kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Lĩnh vực', level: 2 }).waitFor();
    await page.getByText('Kế hoạch nâng cao Chỉ số CCHC', { exact: true }).waitFor();
    await check(page, 'plans-plan-kind-desktop');
    const plans = (await client.get('coordinator', '/plans')).body as {
      sourceFile: string;
      kind: string;
    }[];
    expect(plans.find((plan) => plan.sourceFile === 'tieu-chi-par.txt')?.kind).toBe('par_index');

    await navigate(page, 'Kế hoạch');
    const row = page.getByRole('row', { name: /PAR Index năm 2026/ });
    await row.getByText('Kế hoạch nâng cao Chỉ số CCHC').waitFor();
    await page
      .getByRole('row', { name: /Hải Dương/ })
      .getByText('Kế hoạch CCHC năm')
      .waitFor();
    await check(page, 'plans-list-kind-desktop');
  });

  it("a re-import the API matches to a plan preselects that plan's kind; another one picked shows in the diff before it is applied", async () => {
    // Imported as the PAR-Index plan; its title suggests reform.
    const title = 'KẾ HOẠCH Triển khai các tiêu chí PAR Index quý II năm 2026';
    const created = await request(suite.api.getHttpServer())
      .post('/plans/import?kind=par_index')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach('file', Buffer.from(planText(title)), 'par-quy-2.txt');
    expect(created.body.status).toBe('created');
    const planId = created.body.planId as string;

    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    const { parIndex, pickReform } = kindRadios(page);
    // The coordinator does not name the plan: the file's content finds it.
    await chooseFile(page, planFile('par-quy-2.txt', title));
    await page.getByText('Gợi ý: loại của kế hoạch đang điều chỉnh').waitFor();
    expect(await parIndex.isChecked()).toBe(true);

    await pickReform();
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByText('Kế hoạch này đã được nhập trước đây').waitFor();
    await page
      .getByText('Loại kế hoạch: Kế hoạch nâng cao Chỉ số CCHC → Kế hoạch CCHC năm')
      .waitFor();
    await check(page, 'plans-import-kind-diff-desktop');
    expect((await client.get('coordinator', `/plans/${planId}`)).body.kind).toBe('par_index');

    await page.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
    await page.getByText('Đã điều chỉnh kế hoạch (lần 2)').waitFor();
    expect((await client.get('coordinator', `/plans/${planId}`)).body.kind).toBe('reform');
  });

  it("names the plan's own errors with their field, such as a title without its year; the coordinator enters the year and imports it", async () => {
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    await chooseFile(page, planFile('khong-nam.txt', 'KẾ HOẠCH Cải cách hành chính'));
    await page.getByText(/1 dòng nhiệm vụ, 1 lĩnh vực, \d+ cảnh báo, 1 lỗi/).waitFor();
    const yearError = page
      .getByRole('listitem')
      .filter({ hasText: 'Năm: Không xác định được năm của kế hoạch; cần chọn năm.' });
    await yearError.getByText('Lỗi', { exact: true }).waitFor();
    const commit = page.getByRole('button', { name: 'Xác nhận nhập' });
    expect(await commit.isDisabled()).toBe(true);
    // The year field asks for the year, highlighted and focused.
    const yearInput = page.getByLabel('Năm kế hoạch');
    const yearItem = page.locator('.ant-form-item', { has: yearInput });
    const yearMessage = (text: string | RegExp) =>
      yearItem.locator('.ant-form-item-explain-error', { hasText: text });
    await yearMessage('Không xác định được năm của kế hoạch; cần chọn năm.').waitFor();
    await yearItem.locator('input:focus').waitFor();
    await check(page, 'plans-import-plan-error-desktop');

    // A year no plan may have: the API's refusal, beside the field; nothing is previewed.
    const previewAgain = page.getByRole('button', { name: 'Xem trước lại' });
    await yearInput.fill('2300');
    await previewAgain.click();
    await yearMessage(/^phải là năm từ \d{4} đến \d{4}$/).waitFor();
    expect(await commit.count()).toBe(0);
    await check(page, 'plans-import-year-refused-desktop');

    // The year typed is previewed again: the error is gone, and the commit sends it too.
    await yearInput.fill('2026');
    await yearItem.getByText('Bấm “Xem trước lại” để đọc kế hoạch với năm này.').waitFor();
    await previewAgain.click();
    await page
      .getByText(/1 dòng nhiệm vụ → 1 nhiệm vụ sẽ được tạo, 1 lĩnh vực, \d+ cảnh báo, 0 lỗi/)
      .waitFor();
    expect(await yearItem.locator('.ant-form-item-explain-error').count()).toBe(0);
    await check(page, 'plans-import-year-entered-desktop');
    await commit.click();
    await page.getByText('Đã nhập kế hoạch: 1 nhiệm vụ, 1 lĩnh vực').waitFor();
    const plans = (await client.get('coordinator', '/plans')).body as {
      sourceFile: string;
      year: number;
    }[];
    expect(plans.find((plan) => plan.sourceFile === 'khong-nam.txt')?.year).toBe(2026);

    await page.getByRole('link', { name: 'Xem kế hoạch' }).click();
    await page
      .getByRole('heading', { name: 'Kế hoạch Cải cách hành chính', exact: true, level: 1 })
      .waitFor();
    const planYear = page.locator('.ant-descriptions-item', {
      has: page.locator('.ant-descriptions-item-label', { hasText: /^Năm$/ }),
    });
    expect(await planYear.locator('.ant-descriptions-item-content').innerText()).toBe('2026');
    await navigate(page, 'Kế hoạch');
    const row = page.getByRole('row').filter({
      has: page.getByRole('link', { name: 'Kế hoạch Cải cách hành chính', exact: true }),
    });
    await row.getByRole('cell', { name: '2026', exact: true }).waitFor();
  });

  it('a refused import lists its problems by row, with the column in Vietnamese', async () => {
    const { units } = await demoWardIds(client);
    // The ward's own name for a unit, which the plan uses; removed after the preview.
    const alias = 'Tổ công tác số hóa';
    const named = await client.put('coordinator', '/unit-aliases', {
      aliases: [{ alias, unitId: units.VHXH }],
    });
    expect(named.status).toBe(200);
    const path = join(planDir, 'to-so-hoa.txt');
    writeFileSync(
      path,
      [
        'KẾ HOẠCH Số hóa hồ sơ năm 2026',
        'TT\tLĩnh vực, tiêu chí\tCơ quan chủ trì\tThời gian hoàn thành',
        'I\tChuyển đổi số\t\t',
        `1\tSố hóa sổ hộ tịch\t${alias}\tQuý II/2026`,
        `2\tSố hóa hồ sơ đất đai\t${alias}\tQuý III/2026`,
      ].join('\n'),
    );
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'coordinator');
    await page.goto(`${baseUrl}/ke-hoach/nhap`);
    await chooseFile(page, path);
    await page
      .getByText(/2 dòng nhiệm vụ → 2 nhiệm vụ sẽ được tạo, 1 lĩnh vực, \d+ cảnh báo, 0 lỗi/)
      .waitFor();

    // Another coordinator removes the name meanwhile: the import refuses both rows.
    expect((await client.put('coordinator', '/unit-aliases', { aliases: [] })).status).toBe(200);
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    const refusal = page.locator('.ant-alert-error');
    await refusal.getByText(/^Không nhập được kế hoạch: 2 lỗi/).waitFor();
    for (const header of ['Dòng', 'Cột', 'Lỗi'])
      await refusal.getByRole('columnheader', { name: header, exact: true }).waitFor();
    const rows = refusal.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await rows.count()).toBe(2);
    for (const [index, row] of [4, 5].entries()) {
      const cells = await rows.nth(index).getByRole('cell').allInnerTexts();
      expect(cells.slice(0, 2)).toEqual([String(row), 'Đơn vị chủ trì']);
      expect(cells[2]).toContain(alias);
    }
    // The API's field code never shows.
    expect(await refusal.getByText('leadUnit').count()).toBe(0);
    await check(page, 'plans-import-refused-rows-desktop');
  });
});
