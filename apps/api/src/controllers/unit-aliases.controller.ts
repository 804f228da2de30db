import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuthUser, actorOf, CurrentUser, Roles } from '@cchc/auth';
import { IsNestedList, IsText } from '@cchc/common';
import { GROUP_CODES, UNIT_GROUPS } from '@cchc/plan-import';
import { UnitAliasService, UnitAliasView, UnitGroupService, UnitGroupView } from '@cchc/plans';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { UnitAliasViewDto, UnitGroupViewDto } from './plan-settings.dto';

class UnitAliasDto {
  @ApiProperty({ example: 'Phòng VHXXH', maxLength: 255 })
  @IsText(255)
  alias: string;

  @ApiPropertyOptional({ description: 'Đơn vị của phường mà bí danh chỉ tới' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là mã đơn vị (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: Object.values(UNIT_GROUPS), description: 'hoặc một nhóm đơn vị' })
  @IsOptional()
  @IsText(32)
  groupCode?: string;
}

class UnitAliasesDto {
  @ApiProperty({ type: [UnitAliasDto] })
  @IsArray()
  @ArrayMaxSize(1000, { message: 'aliases có tối đa 1000 bí danh' })
  @IsNestedList(() => UnitAliasDto)
  aliases: UnitAliasDto[];
}

/** The ward's own names for its units, used by plan imports on top of the shipped ones. */
@ApiTags('plans')
@ApiSignedIn()
@Controller('unit-aliases')
export class UnitAliasesController {
  constructor(private readonly aliases: UnitAliasService) {}

  @ApiOperation({ summary: 'Bí danh đơn vị riêng của phường' })
  @ApiOkResponse({ type: [UnitAliasViewDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<UnitAliasView[]> {
    return this.aliases.list(user.wardId);
  }

  @ApiOperation({ summary: 'Thay các bí danh đơn vị của phường' })
  @ApiOkResponse({ type: [UnitAliasViewDto] })
  @ApiErrors(400, 403)
  @Roles('coordinator')
  @Put()
  replace(@CurrentUser() user: AuthUser, @Body() dto: UnitAliasesDto): Promise<UnitAliasView[]> {
    return this.aliases.replace(user.wardId, dto.aliases, actorOf(user));
  }
}

class UnitGroupDto {
  @ApiProperty({ enum: GROUP_CODES, example: UNIT_GROUPS.SPECIALIZED })
  @IsIn(GROUP_CODES, { message: `groupCode phải là một trong ${GROUP_CODES.join(', ')}` })
  groupCode: string;

  @ApiProperty({ type: [String], description: 'Các đơn vị của phường mà cụm từ nhóm chỉ tới' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'unitIds phải là mã đơn vị (UUID)' })
  unitIds: string[];
}

class UnitGroupsDto {
  @ApiProperty({ type: [UnitGroupDto] })
  @IsArray()
  @ArrayMaxSize(GROUP_CODES.length)
  @IsNestedList(() => UnitGroupDto)
  groups: UnitGroupDto[];
}

/**
 * Which units a group phrase means in the ward ("Các phòng, đơn vị chuyên môn"): a plan row led
 * by a group becomes one task per unit. Groups not listed keep the shipped defaults.
 */
@ApiTags('plans')
@ApiSignedIn()
@Controller('unit-groups')
export class UnitGroupsController {
  constructor(private readonly groups: UnitGroupService) {}

  @ApiOperation({ summary: 'Các nhóm đơn vị và đơn vị thuộc mỗi nhóm' })
  @ApiOkResponse({ type: [UnitGroupViewDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<UnitGroupView[]> {
    return this.groups.list(user.wardId);
  }

  @ApiOperation({ summary: 'Định nghĩa lại các nhóm đơn vị của phường' })
  @ApiOkResponse({ type: [UnitGroupViewDto] })
  @ApiErrors(400, 403)
  @Roles('coordinator')
  @Put()
  replace(@CurrentUser() user: AuthUser, @Body() dto: UnitGroupsDto): Promise<UnitGroupView[]> {
    return this.groups.replace(user.wardId, dto.groups, actorOf(user));
  }
}
