import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { IsText } from '@cchc/common';
import { Role, ROLES } from '@cchc/domain';
import { WARD_ASSIGNABLE_ROLES } from '../ward-roles';
import { PHONE_PATTERN, USERNAME_PATTERN } from '../staff-sheet';

const USERNAME_MESSAGE =
  'username gồm 3–64 chữ cái thường không dấu, chữ số, dấu . _ -, bắt đầu bằng chữ hoặc số';

/**
 * The roles a ward's admin may give (POST /users, PATCH /users/:id), as the services check them
 * (assertAssignable): the province officer and the system administrator are the operator's (CLI).
 */
const WARD_ROLES_MESSAGE = `role phải là một trong: ${WARD_ASSIGNABLE_ROLES.join(', ')}`;
const WARD_ROLES_NOTE =
  'Vai trò quản trị phường được phép cấp; chuyên viên Sở Nội vụ và quản trị hệ thống do người vận hành cấp (CLI)';

/** Contact details an account may carry. */
class ContactDto {
  @ApiPropertyOptional({ type: String, example: 'lan.vt@phuong.gov.vn', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email không phải địa chỉ email' })
  @IsText(255)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '0912 345 678', nullable: true })
  @IsOptional()
  @IsText(32)
  @Matches(PHONE_PATTERN, { message: 'phone không phải số điện thoại (8–20 chữ số)' })
  phone?: string | null;
}

/** The first admin of a new ward (POST /wards), or any account (POST /users). */
export class NewAccountDto extends ContactDto {
  @ApiProperty({ example: 'lan.vt', description: 'Tên đăng nhập (chữ thường không dấu)' })
  @IsText(64)
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'Vũ Thị Lan' })
  @IsText(255)
  fullName: string;
}

export class CreateUserDto extends NewAccountDto {
  @ApiProperty({ enum: WARD_ASSIGNABLE_ROLES, example: 'officer', description: WARD_ROLES_NOTE })
  @IsIn(WARD_ASSIGNABLE_ROLES, { message: WARD_ROLES_MESSAGE })
  role: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Đơn vị công tác (bắt buộc với cán bộ, thủ trưởng đơn vị, một cửa)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là mã đơn vị (UUID)' })
  unitId?: string | null;
}

/** What an admin may change on an account; absent fields stay as they are. */
export class UpdateUserDto extends ContactDto {
  @ApiPropertyOptional({ example: 'Vũ Thị Lan' })
  @ValidateIf((dto: UpdateUserDto) => dto.fullName !== undefined)
  @IsText(255)
  fullName?: string;

  @ApiPropertyOptional({ enum: WARD_ASSIGNABLE_ROLES, description: WARD_ROLES_NOTE })
  @ValidateIf((dto: UpdateUserDto) => dto.role !== undefined)
  @IsIn(WARD_ASSIGNABLE_ROLES, { message: WARD_ROLES_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Đơn vị công tác; null: không thuộc đơn vị',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là mã đơn vị (UUID)' })
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'false: khóa tài khoản (mọi phiên đang mở dừng ngay)' })
  @ValidateIf((dto: UpdateUserDto) => dto.active !== undefined)
  @IsBoolean({ message: 'active phải là true hoặc false' })
  active?: boolean;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'lan.vt' })
  username: string;

  @ApiProperty({ example: 'Vũ Thị Lan' })
  fullName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ description: 'false: tài khoản đã bị khóa' })
  active: boolean;

  @ApiProperty({ description: 'Còn dùng mật khẩu một lần, chưa đổi' })
  mustChangePassword: boolean;
}

/** A new account, or one whose password was reset: the one-time password is shown only here. */
export class ProvisionedAccountView extends AccountView {
  @ApiProperty({
    example: 'k7Qm2xRt9bWp4n',
    description: 'Mật khẩu dùng một lần, chỉ hiện một lần',
  })
  oneTimePassword: string;
}

export class UsersImportResult {
  @ApiProperty({ type: [ProvisionedAccountView] })
  created: ProvisionedAccountView[];
}
