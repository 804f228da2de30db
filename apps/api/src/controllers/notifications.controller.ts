import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { NotificationEntity } from '@cchc/database';
import { NotificationService } from '@cchc/notifications';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query('unread') unread?: string,
  ): Promise<NotificationEntity[]> {
    return this.notifications.listFor(user.id, unread === 'true');
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationEntity> {
    return this.notifications.markRead(user.id, id);
  }
}
