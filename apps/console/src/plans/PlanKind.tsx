import { Radio, Space, Tag, Typography } from 'antd';
import type { PlanDiffView, PlanSummary } from '../api/types';

export type PlanKind = PlanSummary['kind'];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  reform: 'Kế hoạch CCHC năm',
  par_index: 'Kế hoạch nâng cao Chỉ số CCHC',
};

const PLAN_KIND_TONES: Record<PlanKind, string> = {
  reform: 'tone-neutral',
  par_index: 'tone-info',
};

export function PlanKindTag({ kind }: { kind: PlanKind }) {
  return <Tag className={PLAN_KIND_TONES[kind]}>{PLAN_KIND_LABELS[kind]}</Tag>;
}

/**
 * "Loại kế hoạch", preselected for the coordinator: only a PAR-Index plan's tasks link to the
 * criteria its ordinals name, and the import takes the kind it is sent, never guessing it.
 */
export function PlanKindField({
  value,
  reason,
  onChange,
}: {
  value: PlanKind;
  /** Why it was preselected (the plan's title words, or the plan being amended). */
  reason: string;
  onChange: (kind: PlanKind) => void;
}) {
  return (
    <Space direction="vertical" size={4}>
      <Typography.Text strong id="plan-kind-label">
        Loại kế hoạch
      </Typography.Text>
      <Radio.Group
        aria-labelledby="plan-kind-label"
        value={value}
        onChange={(event) => onChange(event.target.value as PlanKind)}
        options={(Object.keys(PLAN_KIND_LABELS) as PlanKind[]).map((kind) => ({
          value: kind,
          label: PLAN_KIND_LABELS[kind],
        }))}
      />
      <Typography.Text type="secondary">Gợi ý: {reason}</Typography.Text>
    </Space>
  );
}

/**
 * The kind a re-import leaves the plan: "Loại kế hoạch: before → after" when the coordinator
 * picked another (it changes which tasks the PAR-Index criteria link to), else the kind it keeps.
 */
export function PlanKindChange({ change }: { change: PlanDiffView['kind'] }) {
  const { before, after } = change;
  return (
    <Typography.Paragraph>
      <Typography.Text strong>Loại kế hoạch:</Typography.Text>{' '}
      {before === after ? (
        `${PLAN_KIND_LABELS[after]} (giữ nguyên)`
      ) : (
        <>
          <Typography.Text delete>{PLAN_KIND_LABELS[before]}</Typography.Text> →{' '}
          {PLAN_KIND_LABELS[after]}
        </>
      )}
    </Typography.Paragraph>
  );
}
