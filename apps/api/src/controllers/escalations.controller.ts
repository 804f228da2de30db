import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { EscalationEntity } from '@cchc/database';
import {
  EscalationPolicyDto,
  EscalationPolicyService,
  EscalationPolicyView,
  EscalationService,
  ListEscalationsQuery,
} from '@cchc/escalations';

@ApiTags('escalations')
@ApiBearerAuth()
@Controller()
export class EscalationsController {
  constructor(
    private readonly policies: EscalationPolicyService,
    private readonly escalations: EscalationService,
  ) {}

  @Get('escalation-policy')
  policy(@CurrentUser() user: AuthUser): Promise<EscalationPolicyView> {
    return this.policies.view(user.wardId);
  }

  @Roles('coordinator')
  @Put('escalation-policy')
  replacePolicy(
    @CurrentUser() user: AuthUser,
    @Body() dto: EscalationPolicyDto,
  ): Promise<EscalationPolicyView> {
    return this.policies.replace(user.wardId, dto, user.id);
  }

  @Roles('leader', 'chairman', 'coordinator', 'inspector')
  @Get('escalations')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListEscalationsQuery,
  ): Promise<EscalationEntity[]> {
    return this.escalations.list(user.wardId, query);
  }
}
