import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { InboxDto, InboxService } from '@cchc/inbox';
import { ApiSignedIn } from '../openapi';

@ApiTags('inbox')
@ApiSignedIn()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @ApiOperation({ summary: 'Việc cần làm của người dùng, theo vai trò' })
  @ApiOkResponse({ type: InboxDto })
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<InboxDto> {
    return this.inbox.inboxOf(user);
  }
}
