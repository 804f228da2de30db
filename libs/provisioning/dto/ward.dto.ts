import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsNestedObject, IsText } from '@cchc/common';
import { UNIT_CODE_PATTERN } from '../staff-sheet';
import { NewAccountDto, ProvisionedAccountView } from './account.dto';

export class CreateWardDto {
  @ApiProperty({ example: 'phuong-an-bien', description: 'Mã phường/xã, duy nhất trong tỉnh' })
  @IsText(32)
  @Matches(UNIT_CODE_PATTERN, { message: 'code gồm 1–32 chữ cái không dấu, chữ số, dấu . _ -' })
  code: string;

  @ApiProperty({ example: 'Phường An Biên' })
  @IsText(255)
  name: string;

  @ApiPropertyOptional({ type: String, example: 'Thành phố Hải Phòng', nullable: true })
  @IsOptional()
  @IsText(255)
  province?: string | null;

  @ApiPropertyOptional({ type: NewAccountDto, description: 'Quản trị đơn vị đầu tiên của phường' })
  @IsOptional()
  @IsNestedObject(() => NewAccountDto)
  admin?: NewAccountDto | null;
}

export class WardView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'phuong-an-bien' })
  code: string;

  @ApiProperty({ example: 'Phường An Biên' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Thành phố Hải Phòng' })
  province: string | null;
}

export class WardCreatedView {
  @ApiProperty({ type: WardView })
  ward: WardView;

  @ApiProperty({ type: ProvisionedAccountView, nullable: true })
  admin: ProvisionedAccountView | null;
}

export class ProvisionedUnitView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VHXH' })
  code: string;

  @ApiProperty({ example: 'Phòng Văn hóa - Xã hội' })
  name: string;
}

export class UnitsImportResult {
  @ApiProperty()
  created: number;

  @ApiProperty()
  updated: number;

  @ApiProperty({ type: [ProvisionedUnitView] })
  units: ProvisionedUnitView[];
}
