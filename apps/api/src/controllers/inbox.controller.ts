import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { Inbox, InboxService } from '@cchc/inbox';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @ApiOperation({ summary: 'Việc cần làm của người dùng, theo vai trò' })
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<Inbox> {
    return this.inbox.inboxOf(user);
  }
}
