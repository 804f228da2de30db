import { EntityManager } from 'typeorm';

/** The audit/outbox instance type of an inspection campaign. */
export const CAMPAIGN_SUBJECT_TYPE = 'inspection-campaign';

const TITLES: Record<string, string> = {
  'campaign.started': 'Đoàn kiểm tra bắt đầu đợt kiểm tra',
  'campaign.announced': 'Đơn vị sẽ được kiểm tra',
  'campaign.visit.started': 'Đoàn kiểm tra bắt đầu kiểm tra tại đơn vị',
};

/** The staff of a unit who see its inspections (inspection-scope.ts: UNIT_STAFF). */
const UNIT_STAFF_SQL =
  "SELECT id FROM users WHERE unit_id IN (?) AND role IN ('unit_head', 'officer', 'one_stop_officer') AND active = 1";

/**
 * The users a campaign's `notify` names (the team by id, the units by their staff) and what to
 * tell them; null when the campaign is gone.
 */
export async function campaignMessage(
  manager: EntityManager,
  campaignId: string,
  topic: string,
  userIds: string[],
  unitIds: string[],
): Promise<{ userIds: string[]; title: string; body: string } | null> {
  const [campaign] = (await manager.query(
    'SELECT ward_id, title, decision_number FROM inspection_campaigns WHERE id = ?',
    [campaignId],
  )) as { ward_id: string; title: string; decision_number: string }[];
  if (!campaign) return null;
  const recipients = new Set<string>();
  if (userIds.length > 0) {
    const team = (await manager.query(
      'SELECT id FROM users WHERE id IN (?) AND ward_id = ? AND active = 1',
      [userIds, campaign.ward_id],
    )) as { id: string }[];
    team.forEach((row) => recipients.add(row.id));
  }
  const unitNames: string[] = [];
  if (unitIds.length > 0) {
    const staff = (await manager.query(UNIT_STAFF_SQL, [unitIds])) as { id: string }[];
    staff.forEach((row) => recipients.add(row.id));
    // One unit is named in the text; a message to many units names none.
    if (unitIds.length === 1) {
      const rows = (await manager.query('SELECT name FROM org_units WHERE id = ?', [
        unitIds[0],
      ])) as { name: string }[];
      unitNames.push(...rows.map((row) => row.name));
    }
  }
  const heading = TITLES[topic] ?? 'Thông báo về đợt kiểm tra';
  return {
    userIds: [...recipients],
    title: `${heading}: ${campaign.title}`.slice(0, 500),
    body: [
      `${heading}.`,
      `${campaign.title} (Quyết định số ${campaign.decision_number})`,
      ...unitNames.map((name) => `Đơn vị: ${name}`),
    ].join('\n'),
  };
}
