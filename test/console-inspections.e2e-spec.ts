import { Page } from 'playwright-core';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, settled, signIn } from './support/browser';
import { consoleSuite } from './support/console-suite';
import { demoWardIds } from './support/demo-ward-ids';

/**
 * Issue 14, item 9: the campaign workspace. An unannounced campaign over every unit: its unit
 * does not see it until the team arrives; the inspector sees the visits, the checklist of each
 * and the findings with their remediation tasks.
 */
describe('web console: Kiểm tra (Chromium, MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let baseUrl: string;
  let client: ApiClient;
  let units: Record<string, string>;
  let users: Record<string, string>;
  let campaign: { id: string; version: number; checklist: { code: string }[] };

  const act = async (
    role: string,
    suffix: string,
    body: object = {},
    method: 'post' | 'put' = 'post',
  ) => {
    const response = await client[method](role, `/inspections/campaigns/${campaign.id}${suffix}`, {
      version: campaign.version,
      ...body,
    });
    expect([suffix, response.status]).toEqual([suffix, 200]);
    campaign = response.body;
  };

  const { newPage } = consoleSuite('console_inspections', clock, async (suite) => {
    ({ baseUrl, client } = suite);
    ({ units, users } = await demoWardIds(client));
    const created = await client.post('coordinator', '/inspections/campaigns', {
      title: 'Kiểm tra công tác cải cách hành chính năm 2026',
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2026-03-02',
      kind: 'khong_bao_truoc',
      year: 2026,
      headId: users.inspector,
      visits: Object.values(units).map((unitId) => ({ unitId, scheduledOn: '2026-03-05' })),
    });
    expect(created.status).toBe(201);
    campaign = created.body;
    await act('inspector', '/start');
    await act('inspector', `/visits/${units.VP}/start`);
    await act(
      'inspector',
      `/visits/${units.VP}/checklist`,
      {
        results: campaign.checklist.map((topic) => ({
          topicCode: topic.code,
          result: topic.code === 'MOT_CUA' ? 'khong_dat' : 'dat',
          ...(topic.code === 'MOT_CUA' ? { note: 'Niêm yết chưa cập nhật' } : {}),
        })),
      },
      'put',
    );
    await act('inspector', '/findings', {
      unitId: units.VP,
      topicCode: 'MOT_CUA',
      description: 'Niêm yết thủ tục hành chính tại Bộ phận một cửa chưa cập nhật',
      severity: 'trung_binh',
      parCode: '3.1',
      recommendation: 'Cập nhật niêm yết theo danh mục mới.',
    });
    const [finding] = (campaign as unknown as { findings: { id: string }[] }).findings;
    await act('inspector', `/findings/${finding.id}/task`, {
      dueDate: '2026-03-31',
      leaderId: users.leader,
    });
    await act('inspector', `/visits/${units.VP}/finish`, { doneOn: '2026-03-02' });
  });

  it('shows the inspector the campaign: figures, visits, checklist and findings with their task', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await newPage(viewport);
      await signIn(page, baseUrl, 'inspector');
      await navigate(page, 'Kiểm tra');
      await page.getByRole('heading', { name: 'Kiểm tra', level: 1 }).waitFor();
      await page.getByText(`1/${Object.keys(units).length} (`).waitFor();
      await screenshot(page, `inspections-list-${viewport}`);
      expect(await seriousViolations(page)).toEqual([]);

      await page
        .getByRole('link', { name: 'Kiểm tra công tác cải cách hành chính năm 2026' })
        .click();
      await page.getByRole('heading', { name: 'Đơn vị được kiểm tra', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Văn phòng HĐND&UBND: Đã kiểm tra' }).click();
      await page.getByText('Ghi chú: Niêm yết chưa cập nhật').waitFor();
      await page.getByRole('link', { name: 'Nhiệm vụ khắc phục: Đã giao' }).waitFor();
      await screenshot(page, `inspections-campaign-${viewport}`);
      expect(await seriousViolations(page)).toEqual([]);
      if (viewport === 'desktop') {
        await page.getByRole('link', { name: 'Nhiệm vụ khắc phục: Đã giao' }).click();
        await page
          .getByRole('heading', { level: 1, name: /Khắc phục tồn tại sau kiểm tra CCHC/ })
          .waitFor();
      }
      await page.close();
    }
  });

  it('hides the unannounced visit from its unit until it starts', async () => {
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'unit_head');
    await navigate(page, 'Kiểm tra');
    await page.getByText('Chưa có đợt kiểm tra nào').waitFor();

    await act('inspector', `/visits/${units.VHXH}/start`);
    await page.reload();
    await page
      .getByRole('link', { name: 'Kiểm tra công tác cải cách hành chính năm 2026' })
      .click();
    await page.getByRole('heading', { name: 'Đơn vị được kiểm tra', level: 2 }).waitFor();
    await page.getByRole('cell', { name: 'Phòng Văn hóa - Xã hội', exact: true }).waitFor();
    expect(await page.getByText('Văn phòng HĐND&UBND').count()).toBe(0);
    await screenshot(page, 'inspections-campaign-unit-head-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
  /** An antd select: type what a person would, then Enter to take the match. */
  const choose = async (page: Page, label: string, text: string) => {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).fill(text);
    await page.keyboard.press('Enter');
  };

  /** A date picker: typed as dd/mm/yyyy and left with Tab (Enter would also submit the form). */
  const pickDate = async (page: Page, label: string, date: string) => {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).fill(date);
    await page.keyboard.press('Tab');
  };

  /** Sends a step through the API on the campaign's current version (what the UI leaves out). */
  const apiStep = async (role: string, id: string, suffix: string, body: object = {}) => {
    const { version } = (await client.get(role, `/inspections/campaigns/${id}`)).body;
    const method = suffix.endsWith('/checklist') ? 'put' : 'post';
    const path = `/inspections/campaigns/${id}${suffix}`;
    const response = await client[method](role, path, { version, ...body });
    expect([suffix, response.status]).toEqual([suffix, 200]);
  };

  it('lets the team plan and run a campaign and the chairman conclude and close it', async () => {
    const title = 'Kiểm tra đột xuất công tác tiếp nhận hồ sơ năm 2026';
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'inspector');
    await navigate(page, 'Kiểm tra');
    await page.getByRole('button', { name: 'Lập đợt kiểm tra' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đợt kiểm tra').fill(title);
    await dialog.getByLabel('Số quyết định').fill('52/QĐ-UBND');
    await pickDate(page, 'Ngày quyết định', '02/03/2026');
    await choose(page, 'Hình thức', 'Đột xuất');
    await dialog.getByLabel('Năm').fill('2026');
    await choose(page, 'Trưởng đoàn', 'Đặng Quốc Việt');
    await choose(page, 'Đơn vị 1', 'Phòng Văn hóa - Xã hội');
    await pickDate(page, 'Ngày dự kiến 1', '02/03/2026');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await choose(page, 'Đơn vị 2', 'Phòng Kinh tế, Hạ tầng và Đô thị');
    await pickDate(page, 'Ngày dự kiến 2', '04/03/2026');
    await settled(page);
    await screenshot(page, 'inspections-plan-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lập đợt kiểm tra' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const id = page.url().split('/').pop() as string;
    const planned = (await client.get('inspector', `/inspections/campaigns/${id}`)).body;
    expect(planned).toMatchObject({ kind: 'dot_xuat', year: 2026, decisionDate: '2026-03-02' });
    expect(planned.visits.map((v: { scheduledOn: string }) => v.scheduledOn).sort()).toEqual([
      '2026-03-02',
      '2026-03-04',
    ]);

    // The visit at Phòng Văn hóa - Xã hội, its checklist entered topic by topic.
    await page.getByRole('button', { name: 'Bắt đầu đợt kiểm tra' }).click();
    const visitRow = page.getByRole('row').filter({ hasText: 'Phòng Văn hóa - Xã hội' });
    await visitRow.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
    await visitRow.getByRole('button', { name: 'Ghi kết quả' }).click();
    for (const topic of planned.checklist as { code: string; title: string }[]) {
      const group = dialog.getByRole('group', { name: topic.title });
      const failed = topic.code === 'MOT_CUA';
      await group.getByLabel(failed ? 'Không đạt' : 'Đạt', { exact: true }).check();
      if (failed) await group.getByLabel(`Ghi chú: ${topic.title}`).fill('Thiếu sổ theo dõi');
    }
    await settled(page);
    await screenshot(page, 'inspections-checklist-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visitRow.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
    await pickDate(page, 'Ngày kiểm tra', '02/03/2026');
    await dialog.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
    await visitRow.getByText('Đã kiểm tra').waitFor();
    // Each visit's buttons are the events the API allows for that visit: none once it is done.
    const running = (await client.get('inspector', `/inspections/campaigns/${id}`)).body;
    const allowedAt = (unitId: string) =>
      running.visits.find((v: { unitId: string }) => v.unitId === unitId).allowedEvents;
    expect(allowedAt(units.VHXH)).toEqual(['RECORD_FINDING']);
    expect(allowedAt(units.KTHTDT)).toEqual(['START_VISIT']);
    expect(await visitRow.getByRole('button').count()).toBe(0);
    const otherRow = page.getByRole('row').filter({ hasText: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    expect(await otherRow.getByRole('button').allTextContents()).toEqual(['Bắt đầu kiểm tra']);

    await page.getByRole('button', { name: 'Ghi nhận tồn tại' }).click();
    await choose(page, 'Đơn vị', 'Phòng Văn hóa - Xã hội');
    await choose(page, 'Nội dung kiểm tra', 'Hoạt động của Bộ phận một cửa');
    await dialog.getByLabel('Tồn tại, hạn chế').fill('Chưa mở sổ theo dõi hồ sơ');
    await choose(page, 'Mức độ', 'Trung bình');
    await dialog.getByLabel('Tiêu chí PAR Index (nếu có)').fill('3.1');
    await dialog.getByLabel('Kiến nghị khắc phục').fill('Mở sổ theo dõi theo mẫu');
    await dialog.getByRole('button', { name: 'Ghi nhận tồn tại' }).click();
    const findingRow = page.getByRole('row').filter({ hasText: 'Chưa mở sổ theo dõi hồ sơ' });
    await findingRow.getByRole('button', { name: 'Giao nhiệm vụ khắc phục' }).click();
    await pickDate(page, 'Hạn khắc phục', '31/03/2026');
    await choose(page, 'Lãnh đạo phụ trách', 'Trần Thị Hương');
    await settled(page);
    await screenshot(page, 'inspections-assign-desktop');
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ khắc phục' }).click();
    await findingRow.getByRole('link', { name: /^Nhiệm vụ khắc phục:/ }).waitFor();
    const [finding] = (await client.get('inspector', `/inspections/campaigns/${id}`)).body.findings;
    expect(finding).toMatchObject({ severity: 'trung_binh', parCode: '3.1', status: 'task' });
    await page.close();

    // The other unit's visit through the API; then the chairman signs the conclusion.
    await apiStep('inspector', id, `/visits/${units.KTHTDT}/start`);
    await apiStep('inspector', id, `/visits/${units.KTHTDT}/checklist`, {
      results: planned.checklist.map((topic: { code: string }) => ({
        topicCode: topic.code,
        result: 'dat',
      })),
    });
    await apiStep('inspector', id, `/visits/${units.KTHTDT}/finish`, { doneOn: '2026-03-02' });

    const chairman = await newPage('desktop');
    await signIn(chairman, baseUrl, 'chairman');
    await chairman.goto(`${baseUrl}/kiem-tra/${id}`);
    await chairman.getByRole('button', { name: 'Kết luận' }).click();
    await chairman.getByRole('dialog').getByLabel('Số thông báo kết luận').fill('15/TB-UBND');
    await chairman.getByRole('dialog').getByRole('button', { name: 'Kết luận' }).click();
    await chairman.getByRole('link', { name: '15/TB-UBND (DOCX)' }).waitFor();
    await chairman.getByRole('button', { name: 'Kết thúc đợt kiểm tra' }).click();
    await chairman.getByText('Còn 1 nhiệm vụ khắc phục chưa được nghiệm thu.').waitFor();
    // The chairman may close the finding while its task runs; the head no longer handles it.
    const concluded = (await client.get('chairman', `/inspections/campaigns/${id}`)).body;
    expect(concluded.findings[0].allowedEvents).toEqual(['CLOSE_FINDING']);
    const chairmanFinding = chairman.getByRole('row').filter({ hasText: 'Chưa mở sổ theo dõi' });
    expect(await chairmanFinding.getByRole('button').allTextContents()).toEqual(['Đóng tồn tại']);
    await screenshot(chairman, 'inspections-close-refused-desktop');
    expect(await seriousViolations(chairman)).toEqual([]);

    // The unit does the task and the leader accepts it: now the campaign closes.
    let task = (await client.get('officer', `/tasks/${finding.taskId}`)).body;
    for (const [role, type, body] of [
      ['officer', 'START', {}],
      ['officer', 'SUBMIT_REPORT', { report: 'Đã mở sổ theo dõi hồ sơ' }],
      ['leader', 'APPROVE', {}],
    ] as const) {
      const moved = await client.post(role, `/tasks/${task.id}/events`, {
        type,
        version: task.version,
        ...body,
      });
      expect([type, moved.status]).toEqual([type, 200]);
      task = moved.body;
    }
    await chairman.reload();
    // Settled by its accepted task: nothing left to do with the finding.
    const settledFinding = (await client.get('chairman', `/inspections/campaigns/${id}`)).body;
    expect(settledFinding.findings[0]).toMatchObject({ settled: true, allowedEvents: [] });
    await chairman.getByRole('button', { name: 'Kết thúc đợt kiểm tra' }).click();
    expect(await chairmanFinding.getByRole('button').count()).toBe(0);
    await chairman.getByText('Đã kết thúc', { exact: true }).waitFor();
    expect(await chairman.getByRole('button', { name: 'Kết thúc đợt kiểm tra' }).count()).toBe(0);
    await chairman.close();

    // The same screens on a phone.
    const phone = await newPage('phone');
    await signIn(phone, baseUrl, 'inspector');
    await phone.goto(`${baseUrl}/kiem-tra/${id}`);
    await phone.getByRole('heading', { name: 'Tồn tại, hạn chế', level: 2 }).waitFor();
    await screenshot(phone, 'inspections-campaign-closed-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await navigate(phone, 'Kiểm tra');
    await phone.getByRole('button', { name: 'Lập đợt kiểm tra' }).click();
    await phone.getByRole('dialog').getByLabel('Tên đợt kiểm tra').waitFor();
    await settled(phone);
    await screenshot(phone, 'inspections-plan-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('lets an inspector edit the ward’s checklist, used by the next campaign, and restore the default', async () => {
    const page = await newPage('desktop');
    await signIn(page, baseUrl, 'inspector');
    await navigate(page, 'Kiểm tra');
    await page.getByRole('link', { name: 'Danh mục kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Danh mục kiểm tra', level: 1 }).waitFor();
    await page.getByText('Danh mục mặc định', { exact: true }).waitFor();
    const shipped = (await client.get('inspector', '/inspections/checklist')).body.topics as {
      code: string;
      title: string;
    }[];
    const titleField = (n: number) => page.getByLabel(`Nội dung ${n}`, { exact: true });
    const codeField = (n: number) => page.getByLabel(`Mã ${n}`, { exact: true });
    expect(await titleField(shipped.length).inputValue()).toBe(shipped[shipped.length - 1].title);

    // Rename the second topic, move it to the top, remove the last and add a new one.
    await titleField(2).fill('Hoạt động của Bộ phận một cửa, Trung tâm Phục vụ hành chính công');
    await page
      .getByRole('button', {
        name: 'Chuyển lên: Hoạt động của Bộ phận một cửa, Trung tâm Phục vụ hành chính công',
      })
      .click();
    await page.getByRole('button', { name: `Xóa: ${shipped[shipped.length - 1].title}` }).click();
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    const added = shipped.length;
    await titleField(added).fill('Số hóa hồ sơ, kết quả giải quyết TTHC');
    expect(await codeField(added).inputValue()).toBe('SO_HOA_HO_SO_KET_QUA_GIAI_QUYET');
    expect(await codeField(1).isDisabled()).toBe(true);

    // A code another topic has: the API's refusal shows under that code.
    await codeField(added).fill('PAKN');
    await page.getByRole('button', { name: 'Lưu danh mục' }).click();
    const refusal = page.locator('.checklist-template-row').nth(added - 1);
    await refusal.getByText('mã PAKN bị trùng').waitFor();
    await settled(page);
    await screenshot(page, 'inspections-checklist-template-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await codeField(added).fill('SO_HOA');
    await page.getByRole('button', { name: 'Lưu danh mục' }).click();
    await page.getByText('Danh mục riêng của phường').waitFor();
    const expected = [
      {
        code: 'MOT_CUA',
        title: 'Hoạt động của Bộ phận một cửa, Trung tâm Phục vụ hành chính công',
      },
      shipped[0],
      ...shipped.slice(2, -1),
      { code: 'SO_HOA', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC' },
    ];
    expect((await client.get('officer', '/inspections/checklist')).body).toEqual({
      topics: expected,
      source: 'ward',
    });

    // A campaign planned now takes the edited list; its visit's checklist asks for those topics.
    const planned = await client.post('inspector', '/inspections/campaigns', {
      title: 'Kiểm tra công tác số hóa hồ sơ năm 2026',
      decisionNumber: '70/QĐ-UBND',
      decisionDate: '2026-03-02',
      kind: 'dinh_ky',
      year: 2026,
      headId: users.inspector,
      visits: [{ unitId: units.TTPVHCC, scheduledOn: '2026-03-10' }],
    });
    expect(planned.status).toBe(201);
    expect(planned.body.checklist).toEqual(expected);
    await apiStep('inspector', planned.body.id, '/start');
    await apiStep('inspector', planned.body.id, `/visits/${units.TTPVHCC}/start`);
    await page.goto(`${baseUrl}/kiem-tra/${planned.body.id}`);
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('group', { name: 'Số hóa hồ sơ, kết quả giải quyết TTHC' }).waitFor();
    const legends = await dialog.locator('legend').allTextContents();
    expect(legends).toEqual(expected.map((topic) => topic.title));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Back to the national default; the campaign keeps its own copy.
    await page.goto(`${baseUrl}/kiem-tra/danh-muc`);
    await page.getByRole('button', { name: 'Khôi phục danh mục mặc định' }).click();
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByText('Danh mục mặc định', { exact: true }).waitFor();
    expect(await titleField(2).inputValue()).toBe(shipped[1].title);
    expect((await client.get('inspector', '/inspections/checklist')).body).toEqual({
      topics: shipped,
      source: 'default',
    });
    const kept = (await client.get('inspector', `/inspections/campaigns/${planned.body.id}`)).body;
    expect(kept.checklist).toEqual(expected);
    await page.close();

    // A unit's staff read the list; the API alone decides who edits it.
    const officer = await newPage('phone');
    await signIn(officer, baseUrl, 'officer');
    await officer.goto(`${baseUrl}/kiem-tra/danh-muc`);
    await officer.getByText(`${shipped.length}. ${shipped[shipped.length - 1].title}`).waitFor();
    expect(await officer.getByRole('button', { name: 'Lưu danh mục' }).count()).toBe(0);
    await screenshot(officer, 'inspections-checklist-template-officer-phone');
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.close();

    const phone = await newPage('phone');
    await signIn(phone, baseUrl, 'coordinator');
    await phone.goto(`${baseUrl}/kiem-tra/danh-muc`);
    await phone.getByLabel('Nội dung 1', { exact: true }).waitFor();
    await settled(phone);
    await screenshot(phone, 'inspections-checklist-template-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  });
});
