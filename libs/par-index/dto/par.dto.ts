import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsNestedList, IsText, TEXT_MAX_LENGTH, YearRange } from '@cchc/common';
import { TARGET_METRICS, TargetMetric } from '@cchc/targets';
import { SCORING_METHODS, ScoringMethod } from '../criteria-tree';

/** The years a PAR Index criteria set may be loaded for, so the only years it can be read for. */
export const PAR_YEARS: YearRange = { first: 2000, last: 2100 };

const IsPoints = (field: string) =>
  applyDecorators(
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
      { message: `${field} phải là số điểm (tối đa 2 chữ số thập phân)` },
    ),
    Min(0, { message: `${field} không được âm` }),
    Max(1000, { message: `${field} quá lớn` }),
  );

export class CriterionDto {
  @ApiProperty({
    example: '3.2.1',
    description: 'Mã: lĩnh vực (III hoặc 3), tiêu chí (3.2), tiêu chí thành phần (3.2.1)',
  })
  @IsText(32)
  code: string;

  @ApiProperty({ example: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn' })
  @IsText(1000)
  name: string;

  @ApiProperty({ example: 1.5 })
  @IsPoints('maxPoints')
  maxPoints: number;

  @ApiProperty({ enum: SCORING_METHODS })
  @IsIn(SCORING_METHODS, { message: `method phải là một trong: ${SCORING_METHODS.join(', ')}` })
  method: ScoringMethod;

  @ApiPropertyOptional({ enum: TARGET_METRICS, nullable: true, description: 'Khi method=computed' })
  @ValidateIf((dto: CriterionDto) => dto.metric !== undefined && dto.metric !== null)
  @IsIn(TARGET_METRICS, { message: `metric phải là một trong: ${TARGET_METRICS.join(', ')}` })
  metric?: TargetMetric | null;
}

/** A criteria tree of one issuer and year, for the signed-in user's ward. */
export class CriteriaTreeDto {
  @ApiProperty({ example: 'UBND thành phố Hải Phòng' })
  @IsText(255)
  issuer: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year phải là số năm' })
  @Min(PAR_YEARS.first, { message: `year từ ${PAR_YEARS.first}` })
  @Max(PAR_YEARS.last, { message: `year đến ${PAR_YEARS.last}` })
  year: number;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray({ message: 'criteria phải là danh sách tiêu chí' })
  @ArrayMinSize(1, { message: 'criteria: cần ít nhất một tiêu chí' })
  @ArrayMaxSize(1000, { message: 'criteria: tối đa 1000 tiêu chí' })
  @IsNestedList(() => CriterionDto)
  criteria: CriterionDto[];
}

/** The lead unit's self-score of a criterion, with what supports it. */
export class ScoreDto {
  @ApiProperty({ example: 1.25 })
  @IsPoints('score')
  score: number;

  @ApiPropertyOptional({ description: 'Giải trình' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'Tệp minh chứng (mã tệp)' })
  @IsOptional()
  @IsArray({ message: 'evidenceIds phải là danh sách mã tệp minh chứng' })
  @ArrayMaxSize(20, { message: 'evidenceIds: tối đa 20 tệp' })
  @ArrayUnique({ message: 'evidenceIds: mỗi tệp chỉ nêu một lần' })
  @IsUUID('all', { each: true, message: 'evidenceIds phải gồm các mã tệp (UUID)' })
  evidenceIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Nhiệm vụ làm căn cứ (mã nhiệm vụ)' })
  @IsOptional()
  @IsArray({ message: 'taskIds phải là danh sách mã nhiệm vụ' })
  @ArrayMaxSize(50, { message: 'taskIds: tối đa 50 nhiệm vụ' })
  @ArrayUnique({ message: 'taskIds: mỗi nhiệm vụ chỉ nêu một lần' })
  @IsUUID('all', { each: true, message: 'taskIds phải gồm các mã nhiệm vụ (UUID)' })
  taskIds?: string[];

  @ApiPropertyOptional({
    enum: TARGET_METRICS,
    isArray: true,
    description: 'Số liệu hệ thống làm căn cứ',
  })
  @IsOptional()
  @IsArray({ message: 'figures phải là danh sách số liệu' })
  @ArrayUnique({ message: 'figures: mỗi số liệu chỉ nêu một lần' })
  @IsIn(TARGET_METRICS, { each: true, message: `figures gồm: ${TARGET_METRICS.join(', ')}` })
  figures?: TargetMetric[];
}

export const REVIEW_DECISIONS = ['accept', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: 'decision phải là accept hoặc return' })
  decision: ReviewDecision;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc khi trả lại)' })
  @ValidateIf((dto: ReviewDto) => dto.decision === 'return' || dto.reason !== undefined)
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;
}

/** A survey criterion's result, as the survey's publisher gives it, with where it comes from. */
export class SurveyResultDto {
  @ApiProperty({ example: 87.5, description: 'Tỷ lệ (%) của kết quả điều tra, ví dụ chỉ số SIPAS' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'rate phải là tỷ lệ phần trăm (tối đa 2 chữ số thập phân)' },
  )
  @Min(0, { message: 'rate phải từ 0 đến 100 (%)' })
  @Max(100, { message: 'rate phải từ 0 đến 100 (%)' })
  rate: number;

  @ApiPropertyOptional({
    description: 'Tệp minh chứng của kết quả (mã tệp, POST /evidence); cần tệp hoặc source',
  })
  @IsOptional()
  @IsUUID('all', { message: 'evidenceId phải là mã tệp minh chứng (UUID)' })
  evidenceId?: string;

  @ApiPropertyOptional({
    example: 'Quyết định số 1234/QĐ-UBND ngày 20/12/2026 công bố chỉ số SIPAS',
    description: 'Văn bản công bố kết quả; cần văn bản hoặc evidenceId',
  })
  @IsOptional()
  @IsText(500)
  source?: string;

  @ApiPropertyOptional({ description: 'Ghi chú' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH)
  note?: string;
}
