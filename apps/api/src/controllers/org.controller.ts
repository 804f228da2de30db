import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { OrgService, UnitView, UserView } from '@cchc/org';

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('org-units')
  units(@CurrentUser() user: AuthUser): Promise<UnitView[]> {
    return this.org.listUnits(user.wardId);
  }

  @Roles('coordinator', 'chairman')
  @Get('users')
  users(@CurrentUser() user: AuthUser): Promise<UserView[]> {
    return this.org.listUsers(user.wardId);
  }
}
