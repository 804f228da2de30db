import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { AuthUser } from '@cchc/auth';
import { cappedCountSql, Clock, keysetPage } from '@cchc/common';
import { ReformTaskEntity } from '@cchc/database';
import { IsoDate } from '@cchc/domain';
import { TaskSlaService } from '@cchc/escalations';
import { TASK_LIST_ORDER, taskListKey, toTaskView } from '@cchc/tasks';
import {
  countOfPage,
  DossierInboxService,
  emptyItem,
  INBOX_COUNT_CAP,
  SectionContent,
} from './dossier-inbox.service';
import { InboxDto, InboxSectionDto } from './dto/inbox.dto';
import { INBOX_RULES, SectionRule, TaskFilter } from './inbox-rules';

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

  async inboxOf(user: AuthUser): Promise<InboxDto> {
    const today = todayIn(this.clock.now());
    const rules = (INBOX_RULES[user.role] ?? []).filter((rule) => !rule.needsUnit || user.unitId);
    const sections = await Promise.all(rules.map((rule) => this.section(user, rule, today)));
    const actionable = sections.filter((_, index) => rules[index].actionable);
    return {
      sections,
      total: actionable.reduce((sum, section) => sum + section.count, 0),
      totalCapped: actionable.some((section) => section.countCapped),
    };
  }

  private async section(
    user: AuthUser,
    rule: SectionRule,
    today: IsoDate,
  ): Promise<InboxSectionDto> {
    const { source } = rule;
    let content: SectionContent;
    switch (source.kind) {
      case 'tasks':
        content = await this.taskSection(user, source.filter, source.withReturnReason, today);
        break;
      case 'apologySlipsToSign':
        content = await this.dossiers.apologySlipsToSign(user, ITEMS_PER_SECTION, today);
        break;
      case 'dossiersNearAppointment':
        content = await this.dossiers.dossiersNearAppointment(user, ITEMS_PER_SECTION, today);
        break;
      case 'escalationsToChairman':
        content = await this.escalationsToChairman(user);
        break;
    }
    return { key: rule.key, title: rule.title, ...content };
  }

  private async taskSection(
    user: AuthUser,
    filter: TaskFilter,
    withReturnReason: boolean | undefined,
    today: IsoDate,
  ): Promise<SectionContent> {
    const query = this.tasks
      .createQueryBuilder('task')
      .where('task.wardId = :wardId', { wardId: user.wardId });
    filter(query, user, today);
    const {
      rows: entities,
      total,
      totalCapped,
    } = await keysetPage(
      this.tasks.manager,
      query,
      { page: 1, pageSize: ITEMS_PER_SECTION },
      TASK_LIST_ORDER,
      taskListKey,
      { countCap: INBOX_COUNT_CAP },
    );
    const views = await this.sla.withSla(
      user.wardId,
      entities.map((task) => toTaskView(task)),
    );
    return {
      count: total,
      countCapped: totalCapped,
      items: views.map((task, index) => {
        const reason = entities[index].returnReason;
        return {
          ...emptyItem(),
          task,
          note: withReturnReason && reason !== null ? `${RETURN_NOTE}: ${reason}` : null,
        };
      }),
    };
  }

  /**
   * Escalations of the ward's log that named the chairman, newest first, of tasks still open
   * (one of a task since accepted or cancelled needs nothing more).
   */
  private async escalationsToChairman(user: AuthUser): Promise<SectionContent> {
    // One range of idx_escalations_ward_chairman: `to_chairman` (named the chairman), `task_open`
    // (the task not yet closed; the task's own state decides, the flag only narrows the range).
    const from = 'escalations e JOIN reform_tasks t ON t.id = e.task_id';
    const where = `e.ward_id = ? AND e.to_chairman = TRUE AND e.task_open = TRUE
      AND t.state NOT IN ('accepted', 'cancelled')`;
    const rows = (await this.tasks.manager.query(
      `SELECT e.id, e.task_id, e.level, e.due_date, e.fired_at, u.id AS unit_id, u.name AS unit_name,
         ${cappedCountSql(`SELECT 1 FROM ${from} WHERE ${where}`, INBOX_COUNT_CAP)} AS total
       FROM ${from} JOIN org_units u ON u.id = e.lead_unit_id
       WHERE ${where} ORDER BY e.fired_at DESC, e.id DESC LIMIT ?`,
      [user.wardId, user.wardId, ITEMS_PER_SECTION],
    )) as Record<string, string | number | Date>[];
    const counted = countOfPage(rows);
    const entities = rows.length
      ? await this.tasks.findBy({ id: In(rows.map((row) => String(row.task_id))) })
      : [];
    const views = await this.sla.withSla(
      user.wardId,
      entities.map((task) => toTaskView(task)),
    );
    const byId = new Map(views.map((task) => [task.id, task]));
    return {
      ...counted,
      items: rows.map((row) => ({
        ...emptyItem(),
        task: byId.get(String(row.task_id)) ?? null,
        escalation: {
          id: String(row.id),
          level: Number(row.level),
          dueDate: String(row.due_date),
          firedAt: row.fired_at as Date,
          leadUnit: { id: String(row.unit_id), name: String(row.unit_name) },
        },
      })),
    };
  }
}
