/** Where a criterion's self-assessed score stands (`par_scores.status`): the coordinator reviews it. */
export const PAR_SCORE_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ParScoreStatus = (typeof PAR_SCORE_STATUSES)[number];

export const PAR_SCORE_STATUS_LABELS: Record<ParScoreStatus, string> = {
  submitted: 'Chờ duyệt',
  accepted: 'Đã duyệt',
  returned: 'Trả lại',
};

/**
 * What a plan is (`plans.kind`): the ward's reform plan, or its PAR-Index plan, whose ordinals
 * are the criteria codes and whose tasks are the only ones a criterion links to.
 */
export const PLAN_KINDS = ['reform', 'par_index'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  reform: 'Kế hoạch CCHC',
  par_index: 'Kế hoạch thực hiện Chỉ số CCHC',
};
