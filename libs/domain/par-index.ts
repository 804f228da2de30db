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

/**
 * Words in a plan's title that make it a PAR-Index plan, folded (no diacritics, lower case):
 * "Kế hoạch nâng cao Chỉ số cải cách hành chính …", "… Chỉ số CCHC …".
 */
export const PAR_INDEX_TITLE_WORDS = ['chi so cai cach hanh chinh', 'chi so cchc'] as const;

/** The kind a plan's title suggests, and why (the title's own words, or that none matched). */
export interface PlanKindSuggestion {
  kind: PlanKind;
  reason: string;
}

const foldWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/**
 * A plan's kind from its title, ignoring case and accents: the only trace a plan imported
 * without one left (migration 1763803750000), and the import preview's suggestion.
 */
export function suggestPlanKind(title: string | null | undefined): PlanKindSuggestion {
  const words = (title ?? '').split(/\s+/).filter((word) => foldWord(word) !== '');
  const folded = words.map(foldWord);
  for (const phrase of PAR_INDEX_TITLE_WORDS) {
    const wanted = phrase.split(' ');
    const at = folded.findIndex((_, start) =>
      wanted.every((word, i) => folded[start + i] === word),
    );
    if (at >= 0) {
      const said = words.slice(at, at + wanted.length).join(' ');
      return { kind: 'par_index', reason: `Tên kế hoạch có "${said}"` };
    }
  }
  return {
    kind: 'reform',
    reason: title ? 'Tên kế hoạch không nhắc đến Chỉ số CCHC' : 'Văn bản không ghi tên kế hoạch',
  };
}
