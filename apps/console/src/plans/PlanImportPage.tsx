import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Result,
  Select,
  Space,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { data, fileForm, http } from '../api/http';
import type { PlanAmendment, PlanImportOutcome, PlanImportPreview } from '../api/types';
import { formatIsoDate, formatNumber } from '../common/format';
import { PATHS } from '../paths';
import { PlanDiffTable } from './PlanDiffTable';
import { PlanPreviewTable, ProblemList } from './PlanPreviewTable';
import { PlanKindChange, PlanKindField, type PlanKind } from './PlanKind';
import {
  describeProblem,
  howToFix,
  overdueOnImportWarning,
  PLAN_FIELD_LABELS,
  planYearState,
  preselectedKind,
  previewSummary,
  refusesYear,
  sortProblems,
} from './plan-import-view';
import { planName } from './plan-names';
import { PlanYearField } from './PlanYearField';
import { apiErrorMessage, FIELD_LABELS, UNREACHABLE } from '../common/api-error';
import { RowProblems } from '../common/RowProblems';

const ACCEPTED_FILES = '.docx,.xlsx,.csv,.tsv,.txt';

/** The preview with `dryRun=true`; otherwise the plan created, or its diff or amendment. */
function importPlan(
  file: File,
  query: {
    dryRun?: boolean;
    confirm?: boolean;
    planId?: string;
    kind?: PlanKind;
    year?: number;
  },
) {
  return data(
    http.POST('/plans/import', {
      params: { query },
      body: { file },
      bodySerializer: fileForm,
    }),
  );
}

/**
 * Upload → preview (every row with its warnings and errors) → "Xác nhận nhập"; a plan imported
 * before shows its diff first and is amended only on a second confirmation.
 */
export function PlanImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // A plan without a number is recognised only by its content: an amended draft names its plan.
  const [planId, setPlanId] = useState<string | undefined>();
  // What the coordinator picked; until then the preview's suggestion (or the amended plan's kind).
  const [chosenKind, setChosenKind] = useState<PlanKind | undefined>();
  // The year the coordinator typed (until then the preview's), and the one the preview was sent:
  // the commit sends that one, so the plan is imported as previewed.
  const [typedYear, setTypedYear] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => data(http.GET('/plans')) });
  // The preview is of the plan picked to amend, if any: its diff and what turns overdue.
  const preview = useMutation({
    mutationFn: (chosen: { file: File; year?: number; planId?: string }) =>
      importPlan(chosen.file, {
        dryRun: true,
        year: chosen.year,
        planId: chosen.planId,
      }) as Promise<PlanImportPreview>,
  });
  const commit = useMutation({
    mutationFn: (confirm: boolean) =>
      importPlan(file as File, {
        confirm: confirm || undefined,
        planId,
        kind,
        year,
      }) as Promise<PlanImportOutcome>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });

  const choose = (chosen: File) => {
    setFile(chosen);
    setChosenKind(undefined);
    setTypedYear(undefined);
    setYear(undefined);
    commit.reset();
    preview.mutate({ file: chosen, planId });
    return false; // the file goes to the API with dryRun, not to antd's own upload
  };
  const previewWithYear = () => {
    const chosen = typedYear ? Number(typedYear) : undefined;
    setYear(chosen);
    commit.reset();
    preview.mutate({ file: file as File, year: chosen, planId });
  };

  const amended = plans.data?.find((plan) => plan.id === planId);
  const preselected = preview.data && preselectedKind(preview.data, amended);
  const kind = chosenKind ?? preselected?.kind;
  const outcome = commit.data;
  const yearState = planYearState(preview.data, preview.error, year, typedYear);
  const step = outcome && outcome.status !== 'diff' ? 2 : preview.data ? 1 : 0;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Nhập kế hoạch</Typography.Title>
      <Steps
        size="small"
        current={step}
        items={[{ title: 'Chọn tệp' }, { title: 'Xem trước' }, { title: 'Hoàn tất' }]}
      />
      <Space wrap>
        <Upload accept={ACCEPTED_FILES} showUploadList={false} beforeUpload={choose}>
          <Button loading={preview.isPending}>Chọn tệp kế hoạch</Button>
        </Upload>
        <Typography.Text type="secondary">
          {file ? file.name : 'DOCX, XLSX, CSV hoặc văn bản dán từ kế hoạch'}
        </Typography.Text>
      </Space>
      <Select
        aria-label="Điều chỉnh kế hoạch đã nhập"
        placeholder="Điều chỉnh kế hoạch đã nhập (nếu tệp là bản sửa)"
        allowClear
        showSearch
        optionFilterProp="label"
        value={planId}
        options={plans.data?.map((plan) => ({ value: plan.id, label: planName(plan) }))}
        onChange={(value) => {
          setPlanId(value);
          setChosenKind(undefined);
          commit.reset();
          if (file) preview.mutate({ file, year, planId: value });
        }}
        style={{ width: '100%', maxWidth: 520 }}
      />
      {file && !outcome && (
        <PlanYearField
          state={yearState}
          previewing={preview.isPending}
          onType={setTypedYear}
          onPreview={previewWithYear}
        />
      )}
      {/* A refused year shows beside its field. */}
      {preview.error && !refusesYear(preview.error) && <ErrorAlert error={preview.error} />}
      {preview.data && preselected && kind && !outcome && (
        <Preview
          preview={preview.data}
          amending={planId !== undefined}
          yearUnapplied={yearState.unapplied}
          kindField={
            <PlanKindField
              value={kind}
              reason={preselected.reason}
              onChange={(value) => {
                setChosenKind(value);
                commit.reset();
              }}
            />
          }
          committing={commit.isPending}
          onCommit={() => commit.mutate(false)}
        />
      )}
      {commit.error && <ErrorAlert error={commit.error} />}
      {outcome?.status === 'diff' && (
        <DiffStep
          outcome={outcome}
          applying={commit.isPending}
          onApply={() => commit.mutate(true)}
        />
      )}
      {outcome && outcome.status !== 'diff' && <Done outcome={outcome} />}
    </Space>
  );
}

/** The columns of a plan and the import's own parameters, as a refusal names them. */
const IMPORT_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...FIELD_LABELS,
  ...PLAN_FIELD_LABELS,
  planId: 'Kế hoạch điều chỉnh',
  kind: 'Loại kế hoạch',
};

/**
 * A refused preview or import: its message, and the problems it lists (by row and column of the
 * file, or by the import's parameter) in a table.
 */
function ErrorAlert({ error }: { error: Error }) {
  return (
    <Alert
      type="error"
      showIcon
      message={apiErrorMessage(error, UNREACHABLE, IMPORT_FIELD_LABELS)}
      description={<RowProblems error={error} labels={IMPORT_FIELD_LABELS} />}
    />
  );
}

function Preview({
  preview,
  amending,
  yearUnapplied,
  kindField,
  committing,
  onCommit,
}: {
  preview: PlanImportPreview;
  /** A plan to amend was picked: the import shows its diff instead of creating tasks. */
  amending: boolean;
  /** A year typed but not previewed: the plan shown is not the one the commit would import. */
  yearUnapplied: boolean;
  kindField: ReactNode;
  committing: boolean;
  onCommit: () => void;
}) {
  const problems = sortProblems(preview.errors, preview.warnings, preview.tasks);
  const blocked = preview.errors.length > 0;
  const summary = previewSummary(preview, amending);
  const overdue = overdueOnImportWarning(preview, amending);
  return (
    <Space direction="vertical" size="middle" className="page">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'number', label: 'Số kế hoạch', children: preview.plan.number ?? '—' },
          { key: 'year', label: 'Năm', children: preview.plan.year ?? '—' },
          { key: 'title', label: 'Tên kế hoạch', children: preview.plan.title ?? '—' },
          {
            key: 'issued',
            label: 'Ngày ban hành',
            children: formatIsoDate(preview.plan.issueDate),
          },
        ]}
      />
      {kindField}
      <Alert
        type={blocked ? 'error' : preview.warnings.length > 0 ? 'warning' : 'success'}
        showIcon
        message={summary}
        description={
          // Problems no row of the table below shows (the plan's year, a missing column) go here.
          (blocked || problems.plan.length > 0) && (
            <>
              {problems.plan.length > 0 && <ProblemList problems={problems.plan} />}
              {blocked && howToFix(preview.errors)}
            </>
          )
        }
      />
      {overdue && (
        <Alert
          type="warning"
          showIcon
          message={overdue.message}
          description={overdue.description}
        />
      )}
      <PlanPreviewTable tasks={preview.tasks} problems={problems.byRow} />
      <Button
        type="primary"
        disabled={blocked || yearUnapplied}
        loading={committing}
        onClick={onCommit}
      >
        Xác nhận nhập
      </Button>
    </Space>
  );
}

function DiffStep({
  outcome,
  applying,
  onApply,
}: {
  outcome: PlanAmendment;
  applying: boolean;
  onApply: () => void;
}) {
  const { diff } = outcome;
  const tasksChanged = diff.added.length + diff.changed.length + diff.removed.length;
  const kindChanged = diff.kind.before !== diff.kind.after;
  if (tasksChanged === 0 && !kindChanged)
    return (
      <Result
        status="info"
        title="Kế hoạch không thay đổi so với lần nhập trước"
        extra={<Link to={PATHS.plan(outcome.planId)}>Xem kế hoạch</Link>}
      />
    );
  return (
    <Space direction="vertical" size="middle" className="page">
      <Alert
        type="info"
        showIcon
        message="Kế hoạch này đã được nhập trước đây"
        description={`Thêm ${diff.added.length}, sửa ${diff.changed.length}, bỏ ${diff.removed.length}, giữ nguyên ${diff.unchanged} nhiệm vụ. Nhiệm vụ bị bỏ sẽ được hủy (cần Chủ tịch UBND); không xóa gì.`}
      />
      <PlanKindChange change={diff.kind} />
      {tasksChanged > 0 && <PlanDiffTable diff={diff} />}
      <Button type="primary" loading={applying} onClick={onApply}>
        Áp dụng thay đổi
      </Button>
    </Space>
  );
}

function Done({ outcome }: { outcome: PlanImportOutcome }) {
  const title =
    outcome.status === 'created'
      ? `Đã nhập kế hoạch: ${formatNumber(outcome.tasks)} nhiệm vụ, ${formatNumber(outcome.areas)} lĩnh vực`
      : `Đã điều chỉnh kế hoạch (lần ${outcome.revision})`;
  // An amendment may skip what the importer may not do (cancelling needs the chairman).
  const skipped = outcome.status === 'amended' ? outcome.warnings : [];
  return (
    <Result
      status="success"
      title={title}
      extra={<Link to={PATHS.plan(outcome.planId)}>Xem kế hoạch</Link>}
    >
      {skipped.length > 0 && (
        <ul>
          {skipped.map((problem, index) => (
            <li key={index}>{describeProblem(problem)}</li>
          ))}
        </ul>
      )}
    </Result>
  );
}
