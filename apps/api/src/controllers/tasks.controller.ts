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
  Res,
  StreamableFile,
} from '@nestjs/common';
import { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  TaskExportService,
  TaskService,
  TaskView,
} from '@cchc/tasks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    private readonly exporter: TaskExportService,
  ) {}

  @Roles('coordinator', 'chairman')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.create(user, dto));
  }

  @ApiOperation({
    summary: 'Thao tác hàng loạt (giao lại, điều chỉnh thời hạn, nhắc việc), kết quả từng dòng',
  })
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

  @ApiOperation({ summary: 'Xuất danh sách nhiệm vụ (cùng bộ lọc) ra tệp Excel' })
  @ApiProduces(XLSX)
  @Get('export.xlsx')
  async exportXlsx(
    @CurrentUser() user: AuthUser,
    @Query() query: ListTasksQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const tasks = await this.sla.withSla(user.wardId, await this.exporter.matching(user, query));
    const file = await this.exporter.workbook(user.wardId, tasks);
    response.setHeader('Content-Disposition', 'attachment; filename="nhiem-vu.xlsx"');
    return new StreamableFile(file, { type: XLSX });
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
