import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, data, http } from '../api/http';
import type { Me, Role } from '../api/types';
import { showFieldErrors } from '../common/field-errors';
import { useUser } from '../session/session';
import { AreaTotalsTable, CriteriaTable, CriterionAction } from './CriteriaTable';
import { awaitingReview } from './par-tree';
import { CriteriaImport } from './CriteriaImport';
import { LostPointsCard } from './LostPointsCard';
import { type Dialog, ScoreDialog } from './ScoreDialog';
import type { Assessment, Criterion, ScoreValues } from './types';
import { apiErrorMessage } from '../common/api-error';

const UNIT_SCORERS: readonly Role[] = ['unit_head', 'officer'];

/** A year with scores keeps its tree (the API answers 409 to a new one). */
function scored(view: Assessment | undefined): boolean {
  return view?.criteria.some((criterion) => criterion.score !== null) ?? false;
}

/**
 * What the user may do to a leaf, as the API decides it: the unit leading the criterion's task
 * (or the coordinator) scores it until it is accepted; the coordinator reviews a submitted score,
 * and enters a survey criterion's result (its points are maximum × rate, never self-scored).
 */
function actionsFor(user: Me) {
  return (criterion: Criterion): CriterionAction[] => {
    if (!criterion.leaf || criterion.method === 'computed') return [];
    if (criterion.method === 'survey') return user.role === 'coordinator' ? ['survey'] : [];
    const status = criterion.score?.status;
    const leads =
      UNIT_SCORERS.includes(user.role) &&
      criterion.tasks.some((task) => task.leadUnitId === user.unitId);
    const coordinator = user.role === 'coordinator';
    const actions: CriterionAction[] = [];
    if ((leads || coordinator) && status !== 'accepted') actions.push('score');
    if (coordinator && status === 'submitted') actions.push('accept', 'return');
    return actions;
  };
}

/** "Chỉ số CCHC": the ward's self-assessment of a year, scored and reviewed by criterion. */
export function ParPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<ScoreValues>();
  // A refusal that names the dialog's fields shows beside them only, not again as a message.
  const [fieldNamed, setFieldNamed] = useState(false);
  const assessment = useQuery({
    queryKey: ['par', year],
    queryFn: () => data(http.GET('/par/{year}', { params: { path: { year } } })),
    retry: false,
  });
  const act = useMutation({
    mutationFn: ({
      criterion,
      kind,
      values,
    }: {
      criterion: Criterion;
      kind: CriterionAction;
      values: ScoreValues;
    }) => {
      const path = { year, code: criterion.code };
      if (kind === 'survey')
        return data(
          http.PUT('/par/{year}/criteria/{code}/survey', {
            params: { path },
            body: {
              rate: values.rate ?? 0,
              source: values.source?.trim() || undefined,
              evidenceId: values.evidenceIds?.[0],
              note: values.note?.trim() || undefined,
            },
          }),
        );
      if (kind === 'score')
        return data(
          http.PUT('/par/{year}/criteria/{code}/score', {
            params: { path },
            body: {
              score: values.score ?? 0,
              note: values.note?.trim() || undefined,
              evidenceIds: values.evidenceIds,
              taskIds: values.taskIds,
              figures: values.figures,
            },
          }),
        );
      return data(
        http.POST('/par/{year}/criteria/{code}/review', {
          params: { path },
          body:
            kind === 'accept'
              ? { decision: 'accept' }
              : { decision: 'return', reason: values.reason },
        }),
      );
    },
    onMutate: () => setFieldNamed(false),
    onSuccess: (view) => {
      queryClient.setQueryData(['par', year], view);
      void queryClient.invalidateQueries({ queryKey: ['par-lost', year] });
      setDialog(null);
    },
    onError: (error) => setFieldNamed(dialog !== null && showFieldErrors(form, error)),
  });
  const failure = act.isError && !fieldNamed ? apiErrorMessage(act.error) : null;
  const closeDialog = () => {
    act.reset();
    setDialog(null);
  };
  const onAction = (criterion: Criterion, kind: CriterionAction) => {
    if (kind === 'accept') act.mutate({ criterion, kind, values: {} });
    else setDialog({ criterion, kind });
  };
  const missing = assessment.error instanceof ApiError && assessment.error.status === 404;
  const view = assessment.data;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Tự đánh giá Chỉ số CCHC</Typography.Title>
      <Space wrap>
        <label htmlFor="par-year">Năm</label>
        <InputNumber
          id="par-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        {view && (
          <>
            <Button href={`/par/${year}/export.xlsx`} download>
              Tải Excel
            </Button>
            <Button href={`/par/${year}/export.docx`} download>
              Tải báo cáo (DOCX)
            </Button>
          </>
        )}
      </Space>
      {/* A refusal of a dialog's values shows in the dialog, over the page. */}
      {failure && !dialog && <Alert type="error" showIcon message={failure} />}
      {missing && (
        <Alert type="info" showIcon message={`Chưa có bộ tiêu chí Chỉ số CCHC năm ${year}`} />
      )}
      {user.role === 'coordinator' && (
        <CriteriaImport year={year} issuer={view?.issuer} scored={scored(view)} />
      )}
      {assessment.isError && !missing && (
        <Alert type="error" showIcon message={apiErrorMessage(assessment.error)} />
      )}
      {assessment.isLoading && <Spin />}
      {view && (
        <>
          <Typography.Text>
            {view.issuer}
            {user.role === 'coordinator' &&
              ` · ${awaitingReview(view.criteria)} tiêu chí chờ duyệt`}
          </Typography.Text>
          <Card title="Tổng điểm theo lĩnh vực">
            <AreaTotalsTable assessment={view} />
          </Card>
          <Card title="Điểm theo tiêu chí">
            <CriteriaTable assessment={view} actions={actionsFor(user)} onAction={onAction} />
          </Card>
          <LostPointsCard year={year} />
        </>
      )}
      <ScoreDialog
        dialog={dialog}
        form={form}
        pending={act.isPending}
        error={dialog && failure}
        onCancel={closeDialog}
        onFinish={(values) =>
          dialog && act.mutate({ criterion: dialog.criterion, kind: dialog.kind, values })
        }
      />
    </Space>
  );
}
