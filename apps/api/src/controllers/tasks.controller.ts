import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { TaskSla, TaskSlaService } from '@cchc/escalations';
import {
  BulkTaskActionDto,
  BulkTaskResults,
  CreateTaskDto,
  HistoryEntry,
  ListTasksQuery,
  Page,
  TaskEventDto,
  TaskBulkService,
  TaskService,
  TaskView,
} from '@cchc/tasks';

/** A task with its working-day SLA (badge of the console's lists). */
type TaskWithSla = TaskView & { sla: TaskSla };

const taskId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id phải là UUID của nhiệm vụ'),
});

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskService,
    private readonly sla: TaskSlaService,
    private readonly bulk: TaskBulkService,
  ) {}

  @Roles('coordinator', 'chairman')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.create(user, dto));
  }

  @Roles('coordinator', 'chairman')
  @Post('bulk')
  @HttpCode(200)
  async bulkAction(
    @CurrentUser() user: AuthUser,
    @Body() dto: BulkTaskActionDto,
  ): Promise<BulkTaskResults> {
    return { results: await this.bulk.apply(user, dto) };
  }

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListTasksQuery,
  ): Promise<Page<TaskWithSla>> {
    const page = await this.tasks.list(user, query);
    return { ...page, items: await this.sla.withSla(user.wardId, page.items) };
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.get(user, id));
  }

  @Post(':id/events')
  @HttpCode(200)
  async send(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: string,
    @Body() dto: TaskEventDto,
  ): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.sendEvent(user, id, dto));
  }

  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<HistoryEntry[]> {
    return this.tasks.history(user, id);
  }

  private async withSla(user: AuthUser, task: TaskView): Promise<TaskWithSla> {
    const [withSla] = await this.sla.withSla(user.wardId, [task]);
    return withSla;
  }
}
