/** Where a criterion's self-assessed score stands (`par_scores.status`): the coordinator reviews it. */
export const PAR_SCORE_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ParScoreStatus = (typeof PAR_SCORE_STATUSES)[number];

export const PAR_SCORE_STATUS_LABELS: Record<ParScoreStatus, string> = {
  submitted: 'Chờ duyệt',
  accepted: 'Đã duyệt',
  returned: 'Trả lại',
};
