import { ApiProperty } from '@nestjs/swagger';
import { GROUP_CODES } from '@cchc/plan-import';
import { LeaderAssignmentView, UnitAliasView, UnitGroupView } from '@cchc/plans';

export class UnitAliasViewDto implements UnitAliasView {
  @ApiProperty({ example: 'Phòng VHXXH' })
  alias: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  unitId: string | null;

  @ApiProperty({ type: String, nullable: true, enum: GROUP_CODES })
  groupCode: string | null;
}

export class UnitGroupViewDto implements UnitGroupView {
  @ApiProperty({ enum: GROUP_CODES })
  groupCode: string;

  @ApiProperty({ type: [String], description: 'Các đơn vị của nhóm' })
  unitIds: string[];

  @ApiProperty({
    enum: ['ward', 'default'],
    description: 'ward: phường tự định nghĩa; default: mặc định theo mã đơn vị',
  })
  source: 'ward' | 'default';
}

export class LeaderAssignmentViewDto implements LeaderAssignmentView {
  @ApiProperty({ format: 'uuid' })
  leaderId: string;

  @ApiProperty({ type: [String], example: ['I', 'III'] })
  areaCodes: string[];

  @ApiProperty({ type: [String] })
  unitIds: string[];
}
