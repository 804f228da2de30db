import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { TaskStatsDto, TaskStatsQuery, TaskStatsService } from '@cchc/escalations';
import { ApiErrors, ApiSignedIn } from '../openapi';

@ApiTags('tasks')
@ApiSignedIn()
@Controller('stats')
export class TaskStatsController {
  constructor(private readonly stats: TaskStatsService) {}

  @ApiOperation({
    summary:
      'Số liệu nhiệm vụ: tỷ lệ hoàn thành đúng hạn theo đơn vị, quá hạn theo lĩnh vực, chuyển lên trong tháng',
  })
  @ApiOkResponse({ type: TaskStatsDto })
  @ApiErrors(400)
  @Get('tasks')
  tasks(@CurrentUser() user: AuthUser, @Query() query: TaskStatsQuery): Promise<TaskStatsDto> {
    return this.stats.figures(user.wardId, query);
  }
}
