import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { OrgService, UnitView, UserView } from '@cchc/org';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { UnitViewDto, UserViewDto } from './org.dto';

@ApiTags('org')
@ApiSignedIn()
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @ApiOperation({ summary: 'Các đơn vị của phường' })
  @ApiOkResponse({ type: [UnitViewDto] })
  @Get('org-units')
  units(@CurrentUser() user: AuthUser): Promise<UnitView[]> {
    return this.org.listUnits(user.wardId);
  }

  // Inspectors too: they choose the team of a campaign and the leader of a remediation task.
  @ApiOperation({ summary: 'Người dùng của phường' })
  @ApiOkResponse({ type: [UserViewDto] })
  @ApiErrors(403)
  @Roles('coordinator', 'chairman', 'inspector')
  @Get('users')
  users(@CurrentUser() user: AuthUser): Promise<UserView[]> {
    return this.org.listUsers(user.wardId);
  }
}
