import { BadRequestException, Injectable } from '@nestjs/common';
import { AuthUser } from '@cchc/auth';
import { MAX_PAGE_SIZE } from '@cchc/common';
import { OrgService } from '@cchc/org';
import { ListTasksQuery } from './dto/list-tasks.query';
import { SheetSla, taskWorkbook } from './task-workbook';
import { TaskListService } from './task-list.service';
import { TaskView } from './task-view';

/** More rows than a ward's plans hold; a bigger export asks for a filter instead. */
export const MAX_EXPORT_ROWS = 5_000;

/** The task list view, with its filters, as an XLSX file. */
@Injectable()
export class TaskExportService {
  constructor(
    private readonly tasks: TaskListService,
    private readonly org: OrgService,
  ) {}

  /** Every task the list would show with these filters, page after page (keyset). */
  async matching(user: AuthUser, query: ListTasksQuery): Promise<TaskView[]> {
    const items: TaskView[] = [];
    let cursor: string | undefined;
    do {
      // From the first row whatever `page` the list was on; then page after page.
      const page = await this.tasks.list(user, {
        ...query,
        page: 1,
        pageSize: MAX_PAGE_SIZE,
        cursor,
      });
      items.push(...page.items);
      if (items.length > MAX_EXPORT_ROWS) {
        throw new BadRequestException(
          `Có hơn ${MAX_EXPORT_ROWS} nhiệm vụ, quá số dòng của một tệp: hãy lọc bớt`,
        );
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
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
