import { DOSSIER_STATE_LABELS, DOSSIER_STATES } from '@cchc/domain';

/** Dossier states and events as the users read them: the labels of libs/domain. */
export const DOSSIER_STATE_OPTIONS = DOSSIER_STATES.map((value) => ({
  value,
  label: DOSSIER_STATE_LABELS[value],
}));

export const APOLOGY_OPTIONS = [
  { value: 'none', label: 'Chưa có phiếu' },
  { value: 'pending', label: 'Phiếu chờ ký' },
  { value: 'signed', label: 'Đã ký phiếu' },
];

export function dossierStateLabel(state: string | null): string {
  return DOSSIER_STATE_OPTIONS.find((option) => option.value === state)?.label ?? state ?? '—';
}

/** The apology column of the list: none, waiting for the head, or signed. */
export function apologyStatus(dossier: { apologyRound: number; apologyPending: unknown }): string {
  if (dossier.apologyPending) return 'Phiếu chờ ký';
  return dossier.apologyRound > 0 ? 'Đã ký phiếu' : 'Chưa có phiếu';
}
