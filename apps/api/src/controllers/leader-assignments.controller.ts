import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNestedList } from '@cchc/common';
import { AuthUser, actorOf, CurrentUser, Roles } from '@cchc/auth';
import { LeaderAssignmentService, LeaderAssignmentView } from '@cchc/plans';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { LeaderAssignmentViewDto } from './plan-settings.dto';

class LeaderAssignmentDto {
  @ApiProperty({ description: 'Chủ tịch hoặc Phó Chủ tịch phụ trách' })
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId: string;

  @ApiProperty({ type: [String], example: ['I', 'III'], description: 'Lĩnh vực của kế hoạch' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  areaCodes: string[];

  @ApiProperty({ type: [String], description: 'Đơn vị phụ trách' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'unitIds phải là mã đơn vị (UUID)' })
  unitIds: string[];
}

class LeaderAssignmentsDto {
  @ApiProperty({ type: [LeaderAssignmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsNestedList(() => LeaderAssignmentDto)
  assignments: LeaderAssignmentDto[];
}

/**
 * The ward's phân công lĩnh vực: which leader is in charge of which plan areas and units. A plan
 * import gives a task whose row names no leader the leader of its lead unit, else of its area.
 */
@ApiTags('plans')
@ApiSignedIn()
@Controller('leader-assignments')
export class LeaderAssignmentsController {
  constructor(private readonly assignments: LeaderAssignmentService) {}

  @ApiOperation({ summary: 'Phân công lãnh đạo phụ trách lĩnh vực và đơn vị' })
  @ApiOkResponse({ type: [LeaderAssignmentViewDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<LeaderAssignmentView[]> {
    return this.assignments.list(user.wardId);
  }

  @ApiOperation({ summary: 'Thay phân công lãnh đạo phụ trách' })
  @ApiOkResponse({ type: [LeaderAssignmentViewDto] })
  @ApiErrors(400, 403)
  @Roles('coordinator')
  @Put()
  replace(
    @CurrentUser() user: AuthUser,
    @Body() dto: LeaderAssignmentsDto,
  ): Promise<LeaderAssignmentView[]> {
    return this.assignments.replace(user.wardId, dto.assignments, actorOf(user));
  }
}
