import {
  AUDIT_SUBJECT_LABELS,
  AuditSubject,
  auditEventChoices,
  auditEventLabel,
  auditStateLabel,
  RECORDED_AUDIT_EVENT_LABELS,
} from './audit';
import { CAMPAIGN_EVENT_TYPES, CAMPAIGN_STATES } from './inspection';
import { PAR_SCORE_STATUSES } from './par-index';
import {
  CONTRIBUTION_EVENT_TYPES,
  CONTRIBUTION_STATES,
  REPORT_EVENT_TYPES,
  REPORT_STATES,
} from './periodic-report';
import { TASK_EVENT_TYPES, TASK_STATES } from './reform-task';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES } from './tthc-dossier';

/** Each machine's subject, with the event types and states its machine exports. */
const MACHINES: [AuditSubject, readonly string[], readonly string[]][] = [
  ['reform-task', TASK_EVENT_TYPES, TASK_STATES],
  ['tthc-dossier', DOSSIER_EVENT_TYPES, DOSSIER_STATES],
  ['periodic-report', REPORT_EVENT_TYPES, REPORT_STATES],
  ['report-contribution', CONTRIBUTION_EVENT_TYPES, CONTRIBUTION_STATES],
  ['inspection-campaign', CAMPAIGN_EVENT_TYPES, CAMPAIGN_STATES],
];

/** The states the services write beside their recorded events (grep `toState:` in libs). */
const RECORDED_STATES: [AuditSubject, readonly string[]][] = [
  ['apology-slip', ['draft', 'issued']],
  ['plan', ['active']],
  ['plan-targets', Object.keys(RECORDED_AUDIT_EVENT_LABELS['plan-targets'])],
  ['report-calendar', ['edited']],
  ['inspection-checklist', ['edited', 'default']],
  ['par-criteria', ['loaded']],
  ['par-score', PAR_SCORE_STATUSES],
  ['user', ['signed-in', 'refused', 'active', 'inactive']],
  ['evidence', ['stored']],
  ['unit-aliases', ['edited']],
  ['unit-groups', ['edited']],
  ['leader-assignments', ['edited']],
  ['calendar-year', ['edited']],
  ['ward', ['active']],
  ['org-unit', ['active']],
];

/** A label is Vietnamese text, not the code shown back (the fallback for unknown codes). */
function unlabelled(labels: Record<string, string>): string[] {
  return Object.entries(labels)
    .filter(([code, label]) => label === code || !/\p{Ll}/u.test(label))
    .map(([code]) => code);
}

describe('audit labels', () => {
  it.each(MACHINES)('labels every event and state of the %s machine', (subject, events, states) => {
    const label = (code: string) => auditEventLabel(subject, code);
    expect(unlabelled(Object.fromEntries(events.map((code) => [code, label(code)])))).toEqual([]);
    const state = (code: string) => auditStateLabel(subject, code);
    expect(unlabelled(Object.fromEntries(states.map((code) => [code, state(code)])))).toEqual([]);
  });

  it('labels every event a service records, under a known subject', () => {
    for (const [subject, labels] of Object.entries(RECORDED_AUDIT_EVENT_LABELS)) {
      expect(Object.keys(AUDIT_SUBJECT_LABELS)).toContain(subject);
      const shown = Object.keys(labels).map((code) => [code, auditEventLabel(subject, code)]);
      expect(unlabelled(Object.fromEntries(shown))).toEqual([]);
    }
  });

  it.each(RECORDED_STATES)('labels every state %s records', (subject, states) => {
    const shown = states.map((code) => [code, auditStateLabel(subject, code)]);
    expect(unlabelled(Object.fromEntries(shown))).toEqual([]);
  });

  it('reads a code by its subject, and shows an unknown code as it is', () => {
    expect(auditEventLabel('reform-task', 'APPROVE')).toBe('Nghiệm thu');
    expect(auditEventLabel('periodic-report', 'APPROVE')).toBe('Duyệt báo cáo');
    expect(auditEventLabel('user', 'LOGIN_FAILED')).toBe('Đăng nhập không thành công');
    expect(auditStateLabel('reform-task', 'inProgress')).toBe('Đang thực hiện');
    expect(auditEventLabel('reform-task', 'NEW_EVENT')).toBe('NEW_EVENT');
    expect(auditEventLabel('no-such-subject', 'START')).toBe('START');
    expect(auditStateLabel('user', 'locked-out')).toBe('locked-out');
  });

  it("offers each event code once: a subject's own meaning, or every meaning of a shared code", () => {
    const all = auditEventChoices();
    expect(new Set(all.map((choice) => choice.code)).size).toBe(all.length);
    expect(all).toContainEqual({
      code: 'APPROVE',
      label: 'Nghiệm thu / Duyệt báo cáo',
    });
    expect(auditEventChoices('periodic-report')).toContainEqual({
      code: 'APPROVE',
      label: 'Duyệt báo cáo',
    });
    expect(auditEventChoices('user').map((choice) => choice.code)).toContain('LOGIN_FAILED');
    expect(auditEventChoices('user').map((choice) => choice.code)).not.toContain('START');
  });
});
