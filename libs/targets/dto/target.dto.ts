import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  IsCalendarDate,
  IsNotBefore,
  IsText,
  IsVietnamInstant,
  TEXT_MAX_LENGTH,
} from '@cchc/common';
import {
  TARGET_COMPARATORS,
  TARGET_METRICS,
  TARGET_SOURCES,
  TARGET_UNITS,
  TargetComparator,
  TargetMetric,
  TargetSource,
  TargetUnit,
} from '../metrics';

const oneOf = (field: string, values: readonly string[]) => ({
  message: `${field} phải là một trong: ${values.join(', ')}`,
});

/**
 * A target of a plan: a figure (unit, comparator, value) or a qualitative text, and where its
 * actual comes from (a computed metric, or values entered per period).
 */
export class TargetDto {
  @ApiProperty({ example: 'CT-01', description: 'Mã chỉ tiêu, duy nhất trong kế hoạch' })
  @IsText(32)
  @Matches(/^[\p{L}\p{N}._/-]+$/u, {
    message: 'code chỉ gồm chữ, số và . _ / - (không khoảng trắng)',
  })
  code: string;

  @ApiProperty({ example: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn' })
  @IsText(500)
  name: string;

  @ApiPropertyOptional({ enum: TARGET_UNITS, nullable: true })
  @ValidateIf((dto: TargetDto) => dto.qualitative === undefined || dto.qualitative === null)
  @IsIn(TARGET_UNITS, oneOf('unit', TARGET_UNITS))
  unit?: TargetUnit | null;

  @ApiPropertyOptional({ enum: TARGET_COMPARATORS, nullable: true })
  @ValidateIf((dto: TargetDto) => dto.qualitative === undefined || dto.qualitative === null)
  @IsIn(TARGET_COMPARATORS, oneOf('comparator', TARGET_COMPARATORS))
  comparator?: TargetComparator | null;

  @ApiPropertyOptional({
    type: Number,
    example: 90,
    nullable: true,
    description: 'Phần trăm (90 = 90%) hoặc số',
  })
  @ValidateIf((dto: TargetDto) => dto.qualitative === undefined || dto.qualitative === null)
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 },
    { message: 'value phải là số' },
  )
  @Min(0, { message: 'value không được âm' })
  @Max(1_000_000_000, { message: 'value quá lớn' })
  value?: number | null;

  @ApiPropertyOptional({
    type: String,
    example: 'Hạn chế tối đa hồ sơ quá hạn',
    nullable: true,
    description: 'Chỉ tiêu định tính (khi đó không có unit, comparator, value)',
  })
  @IsOptional()
  @IsText(500)
  qualitative?: string | null;

  @ApiProperty({ enum: TARGET_SOURCES })
  @IsIn(TARGET_SOURCES, oneOf('source', TARGET_SOURCES))
  source: TargetSource;

  @ApiPropertyOptional({ enum: TARGET_METRICS, nullable: true, description: 'Khi source=computed' })
  @ValidateIf((dto: TargetDto) => dto.source === 'computed')
  @IsIn(TARGET_METRICS, oneOf('metric', TARGET_METRICS))
  metric?: TargetMetric | null;
}

/** A target's value for a period, entered with its evidence. */
export class TargetValueDto {
  @ApiProperty({ example: '2025-12-15' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-03-14' })
  @IsCalendarDate()
  to: string;

  @ApiProperty({ example: 92.5, description: 'Phần trăm (92.5 = 92,5%) hoặc số' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 },
    { message: 'value phải là số' },
  )
  @Min(0, { message: 'value không được âm' })
  @Max(1_000_000_000, { message: 'value quá lớn' })
  value: number;

  @ApiPropertyOptional({ description: 'Ghi chú, nguồn số liệu' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'Tệp minh chứng (mã tệp minh chứng)' })
  @IsOptional()
  @IsArray({ message: 'evidenceIds phải là danh sách mã tệp minh chứng' })
  @ArrayMaxSize(20, { message: 'evidenceIds: tối đa 20 tệp' })
  @ArrayUnique({ message: 'evidenceIds: mỗi tệp chỉ nêu một lần' })
  @IsUUID('all', { each: true, message: 'evidenceIds phải gồm các mã tệp (UUID)' })
  evidenceIds?: string[];
}

/** The period the actuals are counted for, and the instant they are counted as of. */
export class TargetActualsQuery {
  @ApiPropertyOptional({
    example: '2025-12-15',
    description:
      'Từ ngày (mặc định: đầu năm báo cáo của năm kế hoạch như báo cáo năm: 15/12 năm trước, hoặc ngày phường bắt đầu tính số liệu)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-14',
    description: 'Đến ngày (mặc định: ngày chốt số liệu năm của năm kế hoạch, 14/12)',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({
    example: '2026-03-14T23:59:59+07:00',
    description:
      'Số liệu tính đến thời điểm này (ISO 8601, YYYY-MM-DD[THH:mm[:ss]][múi giờ]; không ghi múi giờ thì hiểu là giờ Việt Nam; mặc định: bây giờ); số liệu nhập tay là số liệu đã nhập đến nay của kỳ khớp nhất với khoảng từ `from` đến ngày này',
  })
  @IsOptional()
  @IsVietnamInstant({
    message:
      'cutoff phải là thời điểm ISO 8601, ví dụ 2026-03-14T23:59:59+07:00 (không ghi múi giờ thì hiểu là giờ Việt Nam)',
  })
  cutoff?: string;
}
