import { EntityManager } from 'typeorm';
import { DossierNotifyRecipient } from '@cchc/domain';

/** The audit/outbox instance type of a TTHC dossier. */
export const DOSSIER_SUBJECT_TYPE = 'tthc-dossier';

/** Who is meant by each recipient kind of a dossier; the parameter is the unit, or the ward. */
const RECIPIENT_SQL: Record<DossierNotifyRecipient, string> = {
  handlingUnit:
    "SELECT id FROM users WHERE unit_id = ? AND role IN ('unit_head', 'officer') AND active = 1",
  handlingUnitHead: "SELECT id FROM users WHERE unit_id = ? AND role = 'unit_head' AND active = 1",
  oneStop: "SELECT id FROM users WHERE ward_id = ? AND role = 'one_stop_officer' AND active = 1",
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

export interface DossierMessage {
  userIds: string[];
  title: string;
  body: string;
}

/** The users to tell about a dossier and what to tell them; null when the dossier is gone. */
export async function dossierMessage(
  manager: EntityManager,
  dossierId: string,
  topic: string,
  kinds: DossierNotifyRecipient[],
): Promise<DossierMessage | null> {
  const [dossier] = (await manager.query(
    `SELECT d.ward_id, d.code, d.handling_unit_id, p.name AS procedure_name
     FROM tthc_dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.id = ?`,
    [dossierId],
  )) as { ward_id: string; code: string; handling_unit_id: string; procedure_name: string }[];
  if (!dossier) return null;
  const userIds = new Set<string>();
  for (const kind of kinds) {
    const key = kind === 'oneStop' ? dossier.ward_id : dossier.handling_unit_id;
    const rows = (await manager.query(RECIPIENT_SQL[kind], [key])) as { id: string }[];
    rows.forEach((row) => userIds.add(row.id));
  }
  const heading = TITLES[topic] ?? 'Thông báo về hồ sơ thủ tục hành chính';
  return {
    userIds: [...userIds],
    title: `${heading}: hồ sơ ${dossier.code}`.slice(0, 500),
    body: `${heading}.\nHồ sơ: ${dossier.code}\nThủ tục: ${dossier.procedure_name}`,
  };
}
