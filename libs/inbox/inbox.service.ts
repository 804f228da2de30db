import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { AuthUser } from '@cchc/auth';
import {
  cappedCountSql,
  Clock,
  entityColumns,
  hydrate,
  keysetRowsSql,
  LIST_ROW_OMITS,
  selectKeysetIds,
} from '@cchc/common';
import { ReformTaskEntity } from '@cchc/database';
import { IsoDate } from '@cchc/domain';
import { TaskSlaService, TaskWithSlaDto } from '@cchc/escalations';
import { TASK_LIST_ORDER, toTaskView } from '@cchc/tasks';
import {
  countOfPage,
  DossierInboxService,
  emptyItem,
  INBOX_COUNT_CAP,
  SectionContent,
} from './dossier-inbox.service';
import { InboxDto, InboxSectionDto } from './dto/inbox.dto';
import { INBOX_RULES, SectionRule } from './inbox-rules';

const ITEMS_PER_SECTION = 20;
const RETURN_NOTE = 'Báo cáo bị trả lại';

/** The signed-in user's "Việc cần làm": sections by role, each with its count and first items. */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(ReformTaskEntity) private readonly tasks: Repository<ReformTaskEntity>,
    private readonly sla: TaskSlaService,
    private readonly dossiers: DossierInboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every section in one round trip or two: the task sections' pages, counts and rows in one
   * statement, beside the other sections' own (each statement costs the API a socket write and
   * MariaDB a wake-up, more than the rows of a page).
   */
  async inboxOf(user: AuthUser): Promise<InboxDto> {
    const today = todayIn(this.clock.now());
    const rules = (INBOX_RULES[user.role] ?? []).filter((rule) => !rule.needsUnit || user.unitId);
    const [taskPages, others] = await Promise.all([
      this.taskPages(user, rules, today),
      Promise.all(rules.map((rule) => this.otherSection(user, rule, today))),
    ]);
    const escalated = others.flatMap((other) => other?.tasks ?? []);
    const views = await this.sla.withSla(
      user.wardId,
      [...[...taskPages.values()].flatMap((page) => page.tasks), ...escalated].map((task) =>
        toTaskView(task),
      ),
    );
    const viewOf = new Map(views.map((view) => [view.id, view]));
    const sections = rules.map((rule, index): InboxSectionDto => {
      const { key, title, source } = rule;
      const other = others[index];
      if (other) return { key, title, ...other.content(viewOf) };
      const { count, countCapped, tasks } = taskPages.get(rule)!;
      const withReason = source.kind === 'tasks' && source.withReturnReason;
      return {
        key,
        title,
        count,
        countCapped,
        items: tasks.map(({ id, returnReason }) => ({
          ...emptyItem(),
          task: viewOf.get(id)!,
          note: withReason && returnReason !== null ? `${RETURN_NOTE}: ${returnReason}` : null,
        })),
      };
    });
    const actionable = sections.filter((_, index) => rules[index].actionable);
    return {
      sections,
      total: actionable.reduce((sum, section) => sum + section.count, 0),
      totalCapped: actionable.some((section) => section.countCapped),
    };
  }

  /** A section that is not a page of tasks: its content, once the tasks it names have their views. */
  private async otherSection(
    user: AuthUser,
    rule: SectionRule,
    today: IsoDate,
  ): Promise<OtherSection | null> {
    const dossierSection = (content: SectionContent): OtherSection => ({
      tasks: [],
      content: () => content,
    });
    switch (rule.source.kind) {
      case 'tasks':
        return null;
      case 'apologySlipsToSign':
        return dossierSection(
          await this.dossiers.apologySlipsToSign(user, ITEMS_PER_SECTION, today),
        );
      case 'dossiersNearAppointment':
        return dossierSection(
          await this.dossiers.dossiersNearAppointment(user, ITEMS_PER_SECTION, today),
        );
      case 'escalationsToChairman':
        return this.escalationsToChairman(user);
    }
  }

  /**
   * The first page and capped count of each task section, in one statement: each section's ids
   * from its index (`selectKeysetIds`), joined to their rows by primary key.
   */
  private async taskPages(
    user: AuthUser,
    rules: SectionRule[],
    today: IsoDate,
  ): Promise<Map<SectionRule, TaskPage>> {
    const sections = rules.flatMap((rule) =>
      rule.source.kind === 'tasks' ? [{ rule, filter: rule.source.filter }] : [],
    );
    const pages = new Map<SectionRule, TaskPage>(
      sections.map(({ rule }) => [rule, { count: 0, countCapped: false, tasks: [] }]),
    );
    if (sections.length === 0) return pages;
    const statements = sections.map(({ filter }, index) => {
      const query = this.tasks
        .createQueryBuilder('task')
        .where('task.wardId = :wardId', { wardId: user.wardId });
      filter(query, user, today);
      selectKeysetIds(query, { page: 1, pageSize: ITEMS_PER_SECTION }, TASK_LIST_ORDER, {
        countCap: INBOX_COUNT_CAP,
      });
      return query.addSelect(String(index), 'inbox_section').getQueryAndParameters();
    });
    const { metadata, manager } = this.tasks;
    const rows = (await manager.query(
      keysetRowsSql(
        metadata,
        statements.map(([sql]) => `(${sql})`).join(' UNION ALL '),
        TASK_LIST_ORDER,
        ['inbox_section'],
      ),
      statements.flatMap(([, params]) => params as unknown[]),
    )) as Record<string, unknown>[];
    for (const row of rows) {
      const page = pages.get(sections[Number(row.inbox_section)].rule)!;
      const total = Number(row.keyset_total);
      page.count = Math.min(total, INBOX_COUNT_CAP);
      page.countCapped = total > INBOX_COUNT_CAP;
      // The statement reads one row more than a page (selectKeysetIds): left out.
      if (page.tasks.length < ITEMS_PER_SECTION)
        page.tasks.push(hydrate<ReformTaskEntity>(manager, metadata, row));
    }
    return pages;
  }

  /**
   * Escalations of the ward's log that named the chairman, newest first, of tasks still open
   * (one of a task since accepted or cancelled needs nothing more), with their tasks' rows.
   */
  private async escalationsToChairman(user: AuthUser): Promise<OtherSection> {
    // One range of idx_escalations_ward_chairman: `to_chairman` (named the chairman), `task_open`
    // (the task not yet closed; the task's own state decides, the flag only narrows the range).
    const from = 'escalations e JOIN reform_tasks t ON t.id = e.task_id';
    const where = `e.ward_id = ? AND e.to_chairman = TRUE AND e.task_open = TRUE
      AND t.state NOT IN ('accepted', 'cancelled')`;
    const { metadata, manager } = this.tasks;
    const rows = (await manager.query(
      `SELECT e.id AS escalation_id, e.level AS escalation_level,
         e.due_date AS escalation_due_date, e.fired_at AS escalation_fired_at,
         u.id AS escalation_unit_id, u.name AS escalation_unit_name, ${entityColumns(metadata, 't', LIST_ROW_OMITS)},
         ${cappedCountSql(`SELECT 1 FROM ${from} WHERE ${where}`, INBOX_COUNT_CAP)} AS total
       FROM ${from} JOIN org_units u ON u.id = e.lead_unit_id
       WHERE ${where} ORDER BY e.fired_at DESC, e.id DESC LIMIT ?`,
      [user.wardId, user.wardId, ITEMS_PER_SECTION],
    )) as Record<string, unknown>[];
    const tasks = rows.map((row) => hydrate<ReformTaskEntity>(manager, metadata, row));
    return {
      tasks,
      content: (viewOf) => ({
        ...countOfPage(rows),
        items: rows.map((row, index) => ({
          ...emptyItem(),
          task: viewOf.get(tasks[index].id) ?? null,
          escalation: {
            id: String(row.escalation_id),
            level: Number(row.escalation_level),
            dueDate: String(row.escalation_due_date),
            firedAt: row.escalation_fired_at as Date,
            leadUnit: {
              id: String(row.escalation_unit_id),
              name: String(row.escalation_unit_name),
            },
          },
        })),
      }),
    };
  }
}

/** A task section's first page: its count (capped) and its tasks in the list's order. */
interface TaskPage {
  count: number;
  countCapped: boolean;
  tasks: ReformTaskEntity[];
}

/** Another section, and the tasks it shows (their views are made with the task sections'). */
interface OtherSection {
  tasks: ReformTaskEntity[];
  content: (viewOf: Map<string, TaskWithSlaDto>) => SectionContent;
}
