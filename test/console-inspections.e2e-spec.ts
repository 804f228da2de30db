import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { navigate, screenshot, seriousViolations, signIn } from './support/browser';
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
    let users: Record<string, string>;
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
      await page.getByRole('link', { name: 'Nhiệm vụ khắc phục: Giao' }).waitFor();
      await screenshot(page, `inspections-campaign-${viewport}`);
      expect(await seriousViolations(page)).toEqual([]);
      if (viewport === 'desktop') {
        await page.getByRole('link', { name: 'Nhiệm vụ khắc phục: Giao' }).click();
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
});
