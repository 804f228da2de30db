import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AuthUser, actorOf, CurrentUser, Roles } from '@cchc/auth';
import { UNIT_GROUPS } from '@cchc/plan-import';
import { UnitAliasService, UnitAliasView } from '@cchc/plans';

class UnitAliasDto {
  @ApiProperty({ example: 'Phòng VHXXH' })
  @IsString()
  @IsNotEmpty({ message: 'alias không được để trống' })
  @MaxLength(255)
  alias: string;

  @ApiPropertyOptional({ description: 'Đơn vị của phường mà bí danh chỉ tới' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là mã đơn vị (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: Object.values(UNIT_GROUPS), description: 'hoặc một nhóm đơn vị' })
  @IsOptional()
  @IsString()
  groupCode?: string;
}

class UnitAliasesDto {
  @ApiProperty({ type: [UnitAliasDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => UnitAliasDto)
  aliases: UnitAliasDto[];
}

/** The ward's own names for its units, used by plan imports on top of the shipped ones. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('unit-aliases')
export class UnitAliasesController {
  constructor(private readonly aliases: UnitAliasService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<UnitAliasView[]> {
    return this.aliases.list(user.wardId);
  }

  @Roles('coordinator')
  @Put()
  replace(@CurrentUser() user: AuthUser, @Body() dto: UnitAliasesDto): Promise<UnitAliasView[]> {
    return this.aliases.replace(user.wardId, dto.aliases, actorOf(user));
  }
}
