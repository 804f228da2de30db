import { WhereExpressionBuilder } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { Role } from '@cchc/domain';
import { OVERDUE_TASK } from '@cchc/tasks';

export type TaskFilter = (where: WhereExpressionBuilder, user: AuthUser, today: string) => void;

/** Where a section's items come from. */
export type SectionSource =
  | {
      kind: 'tasks';
      filter: TaskFilter;
      /** Adds the reason its report was returned for as the note. */ withReturnReason?: boolean;
    }
  | { kind: 'apologySlipsToSign' }
  | { kind: 'dossiersNearAppointment' }
  | { kind: 'escalationsToChairman' };

export interface SectionRule {
  key: string;
  title: string;
  source: SectionSource;
  /** Counted in the navigation badge (work to do), or only shown (an overview). */
  actionable: boolean;
  /** Only for users who belong to a unit. */
  needsUnit?: boolean;
}

const ownUnit: TaskFilter = (where, user) =>
  where.andWhere('task.leadUnitId = :unitId', { unitId: user.unitId });
const ledByMe: TaskFilter = (where, user) =>
  where.andWhere('task.leaderId = :userId', { userId: user.id });
const both =
  (...filters: TaskFilter[]): TaskFilter =>
  (where, user, today) =>
    filters.forEach((filter) => filter(where, user, today));
const inState =
  (...states: string[]): TaskFilter =>
  (where) =>
    where.andWhere('task.state IN (:...states)', { states });
/** A task in progress or overdue whose report is awaited: 'due', or 'returned' to be redone. */
const reporting =
  (step: 'due' | 'returned'): TaskFilter =>
  (where) =>
    where.andWhere('task.reporting = :reporting', { reporting: step });
const extensionPending: TaskFilter = (where) => where.andWhere('task.extensionPending = TRUE');
const overdue: TaskFilter = (where, _user, today) => where.andWhere(OVERDUE_TASK, { today });
const withoutLeader: TaskFilter = (where) =>
  where.andWhere("task.leaderId IS NULL AND task.state NOT IN ('accepted', 'cancelled')");

const tasks = (filter: TaskFilter, withReturnReason = false): SectionSource => ({
  kind: 'tasks',
  filter,
  withReturnReason,
});

const UNIT_WORK: SectionRule[] = [
  {
    key: 'returned',
    title: 'Báo cáo bị trả lại',
    source: tasks(both(ownUnit, reporting('returned')), true),
    actionable: true,
    needsUnit: true,
  },
  {
    key: 'toStart',
    title: 'Nhiệm vụ cần bắt đầu',
    source: tasks(both(ownUnit, inState('assigned'))),
    actionable: true,
    needsUnit: true,
  },
  {
    key: 'toReport',
    title: 'Nhiệm vụ cần báo cáo',
    source: tasks(both(ownUnit, reporting('due'))),
    actionable: true,
    needsUnit: true,
  },
];

/** What waits on each role (issue: "Việc cần làm"). */
export const INBOX_RULES: Record<Role, SectionRule[]> = {
  officer: UNIT_WORK,
  unit_head: [
    {
      key: 'apologySlips',
      title: 'Phiếu xin lỗi chờ ký',
      source: { kind: 'apologySlipsToSign' },
      actionable: true,
      needsUnit: true,
    },
    ...UNIT_WORK,
  ],
  leader: [
    {
      key: 'toApprove',
      title: 'Báo cáo chờ nghiệm thu',
      source: tasks(both(ledByMe, inState('reported'))),
      actionable: true,
    },
    {
      key: 'extensions',
      title: 'Đề nghị gia hạn',
      source: tasks(both(ledByMe, extensionPending)),
      actionable: true,
    },
  ],
  chairman: [
    {
      // Open tasks only: an escalation of a task since accepted or cancelled needs nothing more.
      // Not counted in the badge: the same tasks are counted under "Nhiệm vụ quá hạn".
      key: 'escalations',
      title: 'Nhiệm vụ chuyển lên Chủ tịch',
      source: { kind: 'escalationsToChairman' },
      actionable: false,
    },
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', source: tasks(overdue), actionable: true },
    {
      key: 'extensions',
      title: 'Đề nghị gia hạn',
      source: tasks(extensionPending),
      actionable: true,
    },
    {
      key: 'waitingOnLeaders',
      title: 'Báo cáo chờ lãnh đạo nghiệm thu',
      source: tasks(inState('reported')),
      actionable: false,
    },
  ],
  coordinator: [
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', source: tasks(overdue), actionable: true },
    {
      key: 'withoutLeader',
      title: 'Nhiệm vụ chưa có lãnh đạo phụ trách',
      source: tasks(withoutLeader),
      actionable: true,
    },
  ],
  one_stop_officer: [
    {
      key: 'dossiersDue',
      title: 'Hồ sơ sắp đến hạn / quá hạn hẹn trả',
      source: { kind: 'dossiersNearAppointment' },
      actionable: true,
    },
  ],
  inspector: [
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', source: tasks(overdue), actionable: false },
    {
      key: 'reported',
      title: 'Báo cáo chờ nghiệm thu',
      source: tasks(inState('reported')),
      actionable: false,
    },
  ],
  // Keeps shared data (holiday schedules); no ward work waits on them.
  system_admin: [],
  // Manages the ward's units and staff; no task work.
  admin: [],
  // Reads the wards of the province (reports, targets, self-assessments); nothing waits on it.
  province_officer: [],
};
