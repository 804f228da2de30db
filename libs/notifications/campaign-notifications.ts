import { NoticeSql } from './notice';

/** The audit/outbox instance type of an inspection campaign. */
export const CAMPAIGN_SUBJECT_TYPE = 'inspection-campaign';

const TITLES: Record<string, string> = {
  'campaign.started': 'Đoàn kiểm tra bắt đầu đợt kiểm tra',
  'campaign.announced': 'Đơn vị sẽ được kiểm tra',
  'campaign.visit.started': 'Đoàn kiểm tra bắt đầu kiểm tra tại đơn vị',
};

/** The staff of a unit who see its inspections (inspection-scope.ts: UNIT_STAFF). */
const UNIT_STAFF = "('unit_head', 'officer', 'one_stop_officer')";

/**
 * A notification about a campaign, to the users its `notify` names: the team by id (of the
 * campaign's ward) and the units by their staff. One unit is named in the text; a message to
 * many units names none.
 */
export function campaignNotice(
  campaignId: string,
  topic: string,
  userIds: string[],
  unitIds: string[],
): NoticeSql {
  const namedUnit = unitIds.length === 1 ? unitIds[0] : null;
  return {
    heading: TITLES[topic] ?? 'Thông báo về đợt kiểm tra',
    subject: {
      sql:
        'SELECT c.title AS title_tail, ' +
        "CONCAT(c.title, ?, c.decision_number, ')', COALESCE(CONCAT(?, o.name), '')) AS body_tail " +
        'FROM inspection_campaigns c LEFT JOIN org_units o ON o.id = ? WHERE c.id = ?',
      params: [' (Quyết định số ', '\nĐơn vị: ', namedUnit, campaignId],
    },
    recipients: [
      ...(userIds.length > 0
        ? [
            {
              sql: 'SELECT u.id AS user_id FROM inspection_campaigns c JOIN users u ON u.ward_id = c.ward_id AND u.active = 1 WHERE c.id = ? AND u.id IN (?)',
              params: [campaignId, userIds],
            },
          ]
        : []),
      ...(unitIds.length > 0
        ? [
            {
              sql: `SELECT u.id AS user_id FROM users u WHERE u.unit_id IN (?) AND u.role IN ${UNIT_STAFF} AND u.active = 1`,
              params: [unitIds],
            },
          ]
        : []),
    ],
  };
}
