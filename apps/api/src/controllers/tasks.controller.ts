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
import {
  CreateTaskDto,
  HistoryEntry,
  ListTasksQuery,
  Page,
  TaskEventDto,
  TaskService,
  TaskView,
} from '@cchc/tasks';

const taskId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id phải là UUID của nhiệm vụ'),
});

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TaskService) {}

  @Roles('coordinator', 'chairman')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<Page<TaskView>> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<TaskView> {
    return this.tasks.get(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: string,
    @Body() dto: TaskEventDto,
  ): Promise<TaskView> {
    return this.tasks.sendEvent(user, id, dto);
  }

  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<HistoryEntry[]> {
    return this.tasks.history(user, id);
  }
}
