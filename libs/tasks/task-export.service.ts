import { BadRequestException, Injectable } from '@nestjs/common';
import { AuthUser } from '@cchc/auth';
import { MAX_PAGE_SIZE } from '@cchc/common';
import { OrgService } from '@cchc/org';
import { ListTasksQuery } from './dto/list-tasks.query';
import { SheetSla, taskWorkbook } from './task-workbook';
import { TaskService } from './task.service';
import { TaskView } from './task-view';

/** More rows than a ward's plans hold; a bigger export asks for a filter instead. */
export const MAX_EXPORT_ROWS = 5_000;

/** The task list view, with its filters, as an XLSX file. */
@Injectable()
export class TaskExportService {
  constructor(
    private readonly tasks: TaskService,
    private readonly org: OrgService,
  ) {}

  /** Every task the list would show with these filters, across all its pages. */
  async matching(user: AuthUser, query: ListTasksQuery): Promise<TaskView[]> {
    const filters = { ...query, pageSize: MAX_PAGE_SIZE };
    const first = await this.tasks.list(user, { ...filters, page: 1 });
    if (first.total > MAX_EXPORT_ROWS) {
      throw new BadRequestException(
        `Có ${first.total} nhiệm vụ, quá ${MAX_EXPORT_ROWS} dòng cho một tệp: hãy lọc bớt`,
      );
    }
    const items = [...first.items];
    for (let page = 2; items.length < first.total; page++) {
      const next = await this.tasks.list(user, { ...filters, page });
      if (next.items.length === 0) break;
      items.push(...next.items);
    }
    return items;
  }

  async workbook(wardId: string, tasks: (TaskView & { sla: SheetSla })[]): Promise<Buffer> {
    const [units, users] = await Promise.all([
      this.org.listUnits(wardId),
      this.org.listUsers(wardId),
    ]);
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    const userName = new Map(users.map((user) => [user.id, user.fullName]));
    return taskWorkbook(
      tasks.map((task) => ({
        title: task.title,
        leadUnit: unitName.get(task.leadUnitId) ?? '',
        leader: task.leaderId ? (userName.get(task.leaderId) ?? '') : '',
        dueDate: task.dueDate,
        stateLabel: task.stateLabel,
        sla: task.sla,
      })),
    );
  }
}
