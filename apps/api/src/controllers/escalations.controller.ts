import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { EscalationEntity } from '@cchc/database';
import {
  EscalationPolicyDto,
  EscalationPolicyService,
  EscalationPolicyView,
  EscalationService,
  ListEscalationsQuery,
} from '@cchc/escalations';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { EscalationDto, EscalationPolicyViewDto } from './escalations.dto';

@ApiTags('escalations')
@ApiSignedIn()
@Controller()
export class EscalationsController {
  constructor(
    private readonly policies: EscalationPolicyService,
    private readonly escalations: EscalationService,
  ) {}

  @ApiOperation({ summary: 'Chính sách nhắc việc và chuyển cấp trên xử lý của phường' })
  @ApiOkResponse({ type: EscalationPolicyViewDto })
  @Get('escalation-policy')
  policy(@CurrentUser() user: AuthUser): Promise<EscalationPolicyView> {
    return this.policies.view(user.wardId);
  }

  @ApiOperation({ summary: 'Thay chính sách nhắc việc và chuyển cấp trên xử lý' })
  @ApiOkResponse({ type: EscalationPolicyViewDto })
  @ApiErrors(400, 403)
  @Roles('coordinator')
  @Put('escalation-policy')
  replacePolicy(
    @CurrentUser() user: AuthUser,
    @Body() dto: EscalationPolicyDto,
  ): Promise<EscalationPolicyView> {
    return this.policies.replace(user.wardId, dto, user.id);
  }

  @ApiOperation({ summary: 'Nhật ký nhắc việc, quá hạn và chuyển cấp trên xử lý' })
  @ApiOkResponse({ type: [EscalationDto] })
  @ApiErrors(400, 403)
  @Roles('leader', 'chairman', 'coordinator', 'inspector')
  @Get('escalations')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListEscalationsQuery,
  ): Promise<EscalationEntity[]> {
    return this.escalations.list(user.wardId, query);
  }
}
