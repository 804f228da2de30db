import { Space, Tag } from 'antd';

/**
 * A dossier's state with its timeliness: "Quá hạn" while overdue now (as the list's filter and the
 * dashboard count it), "Trễ hẹn" once it has missed, or announced it would miss, an appointment.
 */
export function DossierStatus({
  dossier,
}: {
  dossier: { stateLabel: string; overdue: boolean; late: boolean };
}) {
  return (
    <Space size={4} wrap>
      {dossier.stateLabel}
      {dossier.overdue ? <Tag color="red">Quá hạn</Tag> : dossier.late && <Tag>Trễ hẹn</Tag>}
    </Space>
  );
}
