import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { AuthUser } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { ReformTaskEntity } from '@cchc/database';
import { Role } from '@cchc/domain';
import { TaskSla, TaskSlaService } from '@cchc/escalations';
import { TaskView, toTaskView } from '@cchc/tasks';

export interface InboxItem {
  task: TaskView & { sla: TaskSla };
  /** Why it is here when the state alone does not say, e.g. the reason a report was returned. */
  note: string | null;
}

export interface InboxSection {
  key: string;
  title: string;
  count: number;
  /** The first items, most urgent first. */
  items: InboxItem[];
}

export interface Inbox {
  sections: InboxSection[];
  /** Everything waiting on the user, for the count in the navigation. */
  total: number;
}

const ITEMS_PER_SECTION = 20;
const RETURN_NOTE = 'Báo cáo bị trả lại';

type Filter = (where: WhereExpressionBuilder, user: AuthUser, today: string) => void;

interface SectionRule {
  key: string;
  title: string;
  filter: Filter;
  /** Adds the reason of the last RETURN as the item's note. */
  withReturnReason?: boolean;
  /** Counted in the navigation badge (work to do), or only shown (an overview). */
  actionable: boolean;
  /** Only for users who belong to a unit. */
  needsUnit?: boolean;
}

const ownUnit: Filter = (where, user) =>
  where.andWhere('task.leadUnitId = :unitId', { unitId: user.unitId });
const ledByMe: Filter = (where, user) =>
  where.andWhere('task.leaderId = :userId', { userId: user.id });
const both =
  (...filters: Filter[]): Filter =>
  (where, user, today) =>
    filters.forEach((filter) => filter(where, user, today));
const inState =
  (...states: string[]): Filter =>
  (where) =>
    where.andWhere('task.state IN (:...states)', { states });
const returnedLast: Filter = (where) =>
  where.andWhere(
    `(SELECT a.event_type FROM audit_events a WHERE a.instance_type = 'reform-task' ` +
      `AND a.instance_id = task.id ORDER BY a.seq DESC LIMIT 1) = 'RETURN'`,
  );
const notReturnedLast: Filter = (where) =>
  where.andWhere(
    `COALESCE((SELECT a.event_type FROM audit_events a WHERE a.instance_type = 'reform-task' ` +
      `AND a.instance_id = task.id ORDER BY a.seq DESC LIMIT 1), '') <> 'RETURN'`,
  );
const extensionPending: Filter = (where) =>
  where.andWhere("JSON_TYPE(JSON_EXTRACT(task.snapshot, '$.context.extensionRequest')) = 'OBJECT'");
const overdue: Filter = (where, _user, today) =>
  where.andWhere(
    "(task.state = 'overdue' OR (task.state IN ('assigned', 'inProgress') AND task.dueDate < :today))",
    { today },
  );
const withoutLeader: Filter = (where) =>
  where.andWhere("task.leaderId IS NULL AND task.state NOT IN ('accepted', 'cancelled')");

const UNIT_WORK: SectionRule[] = [
  {
    key: 'returned',
    title: 'Báo cáo bị trả lại',
    filter: both(ownUnit, inState('inProgress', 'overdue'), returnedLast),
    withReturnReason: true,
    actionable: true,
    needsUnit: true,
  },
  {
    key: 'toStart',
    title: 'Nhiệm vụ cần bắt đầu',
    filter: both(ownUnit, inState('assigned')),
    actionable: true,
    needsUnit: true,
  },
  {
    key: 'toReport',
    title: 'Nhiệm vụ cần báo cáo',
    filter: both(ownUnit, inState('inProgress', 'overdue'), notReturnedLast),
    actionable: true,
    needsUnit: true,
  },
];

/** What waits on each role (issue: "Việc cần làm"). */
const RULES: Record<Role, SectionRule[]> = {
  officer: UNIT_WORK,
  unit_head: UNIT_WORK,
  leader: [
    {
      key: 'toApprove',
      title: 'Báo cáo chờ nghiệm thu',
      filter: both(ledByMe, inState('reported')),
      actionable: true,
    },
    {
      key: 'extensions',
      title: 'Đề nghị gia hạn',
      filter: both(ledByMe, extensionPending),
      actionable: true,
    },
  ],
  chairman: [
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', filter: overdue, actionable: true },
    { key: 'extensions', title: 'Đề nghị gia hạn', filter: extensionPending, actionable: true },
    {
      key: 'waitingOnLeaders',
      title: 'Báo cáo chờ lãnh đạo nghiệm thu',
      filter: inState('reported'),
      actionable: false,
    },
  ],
  coordinator: [
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', filter: overdue, actionable: true },
    {
      key: 'withoutLeader',
      title: 'Nhiệm vụ chưa có lãnh đạo phụ trách',
      filter: withoutLeader,
      actionable: true,
    },
  ],
  one_stop_officer: [],
  inspector: [
    { key: 'overdue', title: 'Nhiệm vụ quá hạn', filter: overdue, actionable: false },
    {
      key: 'reported',
      title: 'Báo cáo chờ nghiệm thu',
      filter: inState('reported'),
      actionable: false,
    },
  ],
  // Keeps shared data (holiday schedules); no ward work waits on them.
  system_admin: [],
  // Manages the ward's units and staff; no task work.
  admin: [],
};

/** The signed-in user's "Việc cần làm": sections by role, each with its count and first items. */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(ReformTaskEntity) private readonly tasks: Repository<ReformTaskEntity>,
    private readonly sla: TaskSlaService,
    private readonly clock: Clock,
  ) {}

  async inboxOf(user: AuthUser): Promise<Inbox> {
    const today = todayIn(this.clock.now());
    const rules = (RULES[user.role] ?? []).filter((rule) => !rule.needsUnit || user.unitId);
    const sections = await Promise.all(rules.map((rule) => this.section(user, rule, today)));
    const total = sections
      .filter((_, index) => rules[index].actionable)
      .reduce((sum, section) => sum + section.count, 0);
    return { sections, total };
  }

  private async section(user: AuthUser, rule: SectionRule, today: string): Promise<InboxSection> {
    const query = this.tasks
      .createQueryBuilder('task')
      .where('task.wardId = :wardId', { wardId: user.wardId });
    rule.filter(query, user, today);
    const [entities, count] = await ordered(query).take(ITEMS_PER_SECTION).getManyAndCount();
    const reasons = rule.withReturnReason ? await this.returnReasons(entities) : new Map();
    const views = await this.sla.withSla(
      user.wardId,
      entities.map((task) => toTaskView(task)),
    );
    return {
      key: rule.key,
      title: rule.title,
      count,
      items: views.map((task) => ({
        task,
        note: reasons.has(task.id) ? `${RETURN_NOTE}: ${reasons.get(task.id)}` : null,
      })),
    };
  }

  private async returnReasons(tasks: ReformTaskEntity[]): Promise<Map<string, string>> {
    if (tasks.length === 0) return new Map();
    const rows = (await this.tasks.manager.query(
      `SELECT a.instance_id AS id, a.reason FROM audit_events a
       WHERE a.instance_type = 'reform-task' AND a.instance_id IN (?) AND a.event_type = 'RETURN'
       ORDER BY a.seq`,
      [tasks.map((task) => task.id)],
    )) as { id: string; reason: string | null }[];
    // Later rows overwrite earlier ones: the last return's reason wins.
    return new Map(rows.map((row) => [row.id, row.reason ?? '']));
  }
}

function ordered(query: SelectQueryBuilder<ReformTaskEntity>) {
  return query
    .orderBy('task.dueDate IS NULL', 'ASC')
    .addOrderBy('task.dueDate', 'ASC')
    .addOrderBy('task.createdAt', 'ASC');
}
