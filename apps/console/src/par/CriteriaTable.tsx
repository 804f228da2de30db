import { PAR_SCORE_STATUS_LABELS, TARGET_METRIC_LABELS } from '@cchc/domain';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { ScrollRegion } from '../common/ScrollRegion';
import { criteriaTree, CriterionRow, formatPercent, formatPoints } from './par-tree';
import type { Assessment, AreaTotal, Criterion } from './types';

const STATUS_TAGS = {
  submitted: 'tone-info',
  accepted: 'tone-good',
  returned: 'tone-bad',
} as const;
const METHOD_LABELS: Record<Criterion['method'], string> = {
  self: 'Tự chấm',
  survey: 'Điều tra xã hội học',
  computed: 'Hệ thống tính',
};

export type CriterionAction = 'score' | 'survey' | 'accept' | 'return';

/** The ward's own evidence file; the province reads a ward's through its own route. */
const wardEvidence = (id: string) => `/evidence/${id}`;

/**
 * The criteria tree of a year with points and review status. Without `actions` it is read-only
 * (the province's view); with it, each leaf offers what the user may do to it. `evidenceHref`
 * says where a score's evidence file downloads from.
 */
export function CriteriaTable({
  assessment,
  actions,
  onAction,
  evidenceHref = wardEvidence,
}: {
  assessment: Assessment;
  actions?: (criterion: Criterion) => CriterionAction[];
  onAction?: (criterion: Criterion, action: CriterionAction) => void;
  evidenceHref?: (id: string) => string;
}) {
  return (
    <Table<CriterionRow>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={criteriaTree(assessment.criteria)}
      expandable={{ defaultExpandAllRows: true }}
      scroll={{ x: 980 }}
      columns={[
        { title: 'Mã', dataIndex: 'code', width: 110 },
        {
          title: 'Tiêu chí',
          key: 'name',
          render: (_: unknown, row) => (
            <>
              {row.level === 'area' ? <strong>{row.name}</strong> : row.name}
              {row.leaf && (
                <Typography.Text className="muted"> · {METHOD_LABELS[row.method]}</Typography.Text>
              )}
            </>
          ),
        },
        {
          title: 'Điểm tối đa',
          dataIndex: 'maxPoints',
          width: 100,
          align: 'right',
          render: formatPoints,
        },
        {
          title: 'Điểm',
          key: 'points',
          width: 110,
          align: 'right',
          render: (_: unknown, row) => (
            <>
              {formatPoints(row.points)}
              {row.leaf && row.rate !== null && (
                // Computed and survey criteria: maximum × the rate the points come from.
                <div className="muted">
                  {formatPoints(row.maxPoints)} × {formatPercent(row.rate)}
                </div>
              )}
            </>
          ),
        },
        {
          title: 'Trạng thái',
          key: 'status',
          width: 200,
          render: (_: unknown, row) =>
            row.score && (
              <>
                <Tag className={STATUS_TAGS[row.score.status]}>
                  {PAR_SCORE_STATUS_LABELS[row.score.status]}
                </Tag>
                {row.score.status === 'returned' && row.score.reviewReason && (
                  <div>Lý do: {row.score.reviewReason}</div>
                )}
                {row.score.note && <div className="muted">Giải trình: {row.score.note}</div>}
                <ScoreBasis score={row.score} tasks={row.tasks} evidenceHref={evidenceHref} />
              </>
            ),
        },
        ...(actions && onAction
          ? [
              {
                title: 'Thao tác',
                key: 'actions',
                width: 190,
                render: (_: unknown, row: CriterionRow) => (
                  <Space size="small" wrap>
                    {actions(row).map((action) => (
                      <Button
                        key={action}
                        size="small"
                        danger={action === 'return'}
                        type={action === 'accept' ? 'primary' : 'default'}
                        aria-label={`${ACTION_LABELS[action]} ${row.code}`}
                        onClick={() => onAction(row, action)}
                      >
                        {ACTION_LABELS[action]}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * What a score rests on: a survey's published source, its evidence files (links, from the ward's
 * own route or the province's), the linked tasks it names and the product's figures.
 */
function ScoreBasis({
  score,
  tasks,
  evidenceHref,
}: {
  score: NonNullable<Criterion['score']>;
  tasks: Criterion['tasks'];
  evidenceHref: (id: string) => string;
}) {
  const named = tasks.filter((task) => score.taskIds.includes(task.id));
  return (
    <>
      {score.surveyRate !== null && (
        <div>
          Kết quả điều tra: {formatPercent(score.surveyRate)}
          {score.surveySource && ` (${score.surveySource})`}
        </div>
      )}
      {score.evidenceIds.length > 0 && (
        <div>
          Minh chứng:{' '}
          {score.evidenceIds.map((id, index) => (
            <a
              key={id}
              href={evidenceHref(id)}
              target="_blank"
              rel="noreferrer"
              style={{ textDecoration: 'underline' }}
            >
              {` tệp ${index + 1}`}
            </a>
          ))}
        </div>
      )}
      {named.length > 0 && (
        <div className="muted">Nhiệm vụ: {named.map((task) => task.ordinal).join(', ')}</div>
      )}
      {score.figures.length > 0 && (
        <div className="muted">
          Số liệu: {score.figures.map((figure) => TARGET_METRIC_LABELS[figure]).join('; ')}
        </div>
      )}
    </>
  );
}

const ACTION_LABELS: Record<CriterionAction, string> = {
  score: 'Chấm điểm',
  survey: 'Nhập kết quả điều tra',
  accept: 'Duyệt',
  return: 'Trả lại',
};

/** Totals by area and for the whole index, in points and percent. */
export function AreaTotalsTable({ assessment }: { assessment: Assessment }) {
  const rows: AreaTotal[] = [...assessment.areas, assessment.total];
  return (
    <ScrollRegion label="Tổng điểm theo lĩnh vực" minWidth={480}>
      <Table<AreaTotal>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: 'Lĩnh vực',
            key: 'area',
            render: (_: unknown, row) =>
              row === assessment.total ? <strong>{row.name}</strong> : `${row.code}. ${row.name}`,
          },
          {
            title: 'Điểm tối đa',
            dataIndex: 'maxPoints',
            width: 110,
            align: 'right',
            render: formatPoints,
          },
          { title: 'Điểm', dataIndex: 'points', width: 90, align: 'right', render: formatPoints },
          {
            title: 'Tỷ lệ',
            dataIndex: 'percent',
            width: 90,
            align: 'right',
            render: formatPercent,
          },
        ]}
      />
    </ScrollRegion>
  );
}
