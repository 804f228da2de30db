import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { NotificationEntity } from '@cchc/database';
import { ListNotificationsQuery, NotificationService } from '@cchc/notifications';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationEntity[]> {
    return this.notifications.listFor(user.id, query.unread === true);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationEntity> {
    return this.notifications.markRead(user.id, id);
  }
}
