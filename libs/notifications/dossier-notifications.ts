import { DossierNotifyRecipient } from '@cchc/domain';
import { NoticeSql } from './notice';

/** The audit/outbox instance type of a TTHC dossier. */
export const DOSSIER_SUBJECT_TYPE = 'tthc-dossier';

/** Who is meant by each recipient kind of a dossier `d`: a condition on the user `u`. */
const RECIPIENT_JOIN: Record<DossierNotifyRecipient, string> = {
  handlingUnit: "u.unit_id = d.handling_unit_id AND u.role IN ('unit_head', 'officer')",
  handlingUnitHead: "u.unit_id = d.handling_unit_id AND u.role = 'unit_head'",
  oneStop: "u.ward_id = d.ward_id AND u.role = 'one_stop_officer'",
};

const TITLES: Record<string, string> = {
  'dossier.received': 'Hồ sơ mới được tiếp nhận',
  'dossier.processing': 'Hồ sơ đang được xử lý',
  'dossier.supplement.requested': 'Hồ sơ cần bổ sung',
  'dossier.supplement.received': 'Đã nhận hồ sơ bổ sung',
  'dossier.result.ready': 'Hồ sơ đã có kết quả, chờ trả',
  'dossier.returned': 'Đã trả kết quả hồ sơ',
  'dossier.rejected': 'Hồ sơ bị từ chối giải quyết',
  'dossier.withdrawn': 'Hồ sơ đã được rút',
  'dossier.overdue': 'Hồ sơ quá hạn hẹn trả kết quả',
  'dossier.delay.reported': 'Đơn vị báo trước hồ sơ trễ hạn',
  'dossier.appointment.rescheduled': 'Đã ký phiếu xin lỗi, hẹn lại ngày trả kết quả',
  'dossier.apology.drafted': 'Dự thảo phiếu xin lỗi chờ thủ trưởng đơn vị ký',
};

/** A notification about a dossier: its code and procedure, and the users of each kind. */
export function dossierNotice(
  dossierId: string,
  topic: string,
  kinds: DossierNotifyRecipient[],
): NoticeSql {
  const unique = [...new Set(kinds)].filter((kind) => kind in RECIPIENT_JOIN);
  return {
    heading: TITLES[topic] ?? 'Thông báo về hồ sơ thủ tục hành chính',
    subject: {
      sql:
        'SELECT CONCAT(?, d.code) AS title_tail, CONCAT(?, d.code, ?, p.name) AS body_tail ' +
        'FROM tthc_dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.id = ?',
      params: ['hồ sơ ', 'Hồ sơ: ', '\nThủ tục: ', dossierId],
    },
    recipients: unique.map((kind) => ({
      sql: `SELECT u.id AS user_id FROM tthc_dossiers d JOIN users u ON ${RECIPIENT_JOIN[kind]} AND u.active = 1 WHERE d.id = ?`,
      params: [dossierId],
    })),
  };
}
