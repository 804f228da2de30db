import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { KeysetPage, uuidParam } from '@cchc/common';
import { TaskSla, TaskSlaService, TaskWithSlaDto } from '@cchc/escalations';
import {
  BulkTaskActionDto,
  BulkTaskResults,
  CreateTaskDto,
  ListTasksQuery,
  TaskEventDto,
  TaskBulkService,
  TaskExportService,
  TaskHistoryEntry,
  TaskListService,
  TaskService,
  TaskView,
} from '@cchc/tasks';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';
import { TaskHistoryEntryDto } from './history.dto';
import { TaskPageDto } from './tasks.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A task with its working-day SLA (badge of the console's lists). */
type TaskWithSla = TaskView & { sla: TaskSla };

const taskId = uuidParam('id', 'của nhiệm vụ');

@ApiTags('tasks')
@ApiSignedIn()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskService,
    private readonly taskList: TaskListService,
    private readonly sla: TaskSlaService,
    private readonly bulk: TaskBulkService,
    private readonly exporter: TaskExportService,
  ) {}

  @ApiOperation({ summary: 'Giao một nhiệm vụ' })
  @ApiCreatedResponse({ type: TaskWithSlaDto })
  @ApiErrors(400, 403, 404)
  @Roles('coordinator', 'chairman')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.create(user, dto));
  }

  @ApiOperation({
    summary: 'Thao tác hàng loạt (giao lại, điều chỉnh thời hạn, nhắc việc), kết quả từng dòng',
  })
  @ApiOkResponse({ type: BulkTaskResults })
  @ApiErrors(400, 403)
  @Roles('coordinator', 'chairman')
  @Post('bulk')
  @HttpCode(200)
  async bulkAction(
    @CurrentUser() user: AuthUser,
    @Body() dto: BulkTaskActionDto,
  ): Promise<BulkTaskResults> {
    return { results: await this.bulk.apply(user, dto) };
  }

  @ApiOperation({
    summary: 'Danh sách nhiệm vụ (lọc, sắp xếp, phân trang), kèm hạn theo ngày làm việc',
  })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiErrors(400)
  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListTasksQuery,
  ): Promise<KeysetPage<TaskWithSla>> {
    const page = await this.taskList.list(user, query);
    return { ...page, items: await this.sla.withSla(user.wardId, page.items) };
  }

  @ApiOperation({ summary: 'Xuất danh sách nhiệm vụ (cùng bộ lọc) ra tệp Excel' })
  @ApiFile(XLSX)
  @ApiErrors(400)
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

  @ApiOperation({ summary: 'Một nhiệm vụ, với các sự kiện người dùng được gửi' })
  @ApiOkResponse({ type: TaskWithSlaDto })
  @ApiErrors(400, 404)
  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.get(user, id));
  }

  @ApiOperation({ summary: 'Gửi sự kiện của nhiệm vụ (bắt đầu, báo cáo, nghiệm thu, trả lại…)' })
  @ApiOkResponse({ type: TaskWithSlaDto })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/events')
  @HttpCode(200)
  async send(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: string,
    @Body() dto: TaskEventDto,
  ): Promise<TaskWithSla> {
    return this.withSla(user, await this.tasks.sendEvent(user, id, dto));
  }

  @ApiOperation({ summary: 'Lịch sử của nhiệm vụ (từ nhật ký kiểm tra)' })
  @ApiOkResponse({ type: [TaskHistoryEntryDto] })
  @ApiErrors(400, 404)
  @Get(':id/history')
  history(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: string,
  ): Promise<TaskHistoryEntry[]> {
    return this.tasks.history(user, id);
  }

  private async withSla(user: AuthUser, task: TaskView): Promise<TaskWithSla> {
    const [withSla] = await this.sla.withSla(user.wardId, [task]);
    return withSla;
  }
}
