import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { KeysetPage } from '@cchc/common';
import { NotificationEntity } from '@cchc/database';
import {
  ListNotificationsQuery,
  NotificationService,
  NotificationSummary,
} from '@cchc/notifications';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { NotificationDto, NotificationPageDto, NotificationSummaryDto } from './notifications.dto';

@ApiTags('notifications')
@ApiSignedIn()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @ApiOperation({ summary: 'Thông báo của người dùng, mới nhất trước' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400)
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<KeysetPage<NotificationEntity>> {
    return this.notifications.listFor(user.id, query);
  }

  @ApiOperation({
    summary: 'Số thông báo chưa đọc và 30 thông báo mới nhất (cái chuông của bảng điều khiển)',
  })
  @ApiOkResponse({ type: NotificationSummaryDto })
  @Get('summary')
  summary(@CurrentUser() user: AuthUser): Promise<NotificationSummary> {
    return this.notifications.summaryFor(user.id);
  }

  @ApiOperation({ summary: 'Đánh dấu thông báo đã đọc' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(404)
  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationEntity> {
    return this.notifications.markRead(user.id, id);
  }
}
