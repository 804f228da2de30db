import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '@cchc/domain';
import { UnitView, UserView } from '@cchc/org';

export class UnitViewDto implements UnitView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VHXH' })
  code: string;

  @ApiProperty({ example: 'Phòng Văn hóa - Xã hội' })
  name: string;
}

export class UserViewDto implements UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'officer' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  fullName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ format: 'uuid' })
  wardId: string;
}
