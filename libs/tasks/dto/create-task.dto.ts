import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsText, PLANNABLE_RANGE, TEXT_MAX_LENGTH } from '@cchc/common';

export class CreateTaskDto {
  @ApiProperty({ example: 'Rà soát, đơn giản hóa thủ tục hành chính', maxLength: 500 })
  @IsText(500)
  title: string;

  @ApiPropertyOptional({
    description: 'Nội dung công việc; mặc định bằng title',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH)
  content?: string;

  @ApiProperty({ description: 'Cơ quan chủ trì' })
  @IsUUID('all', { message: 'leadUnitId phải là mã đơn vị (UUID)' })
  leadUnitId: string;

  @ApiPropertyOptional({ type: [String], description: 'Cơ quan phối hợp' })
  @IsOptional()
  @IsArray({ message: 'coordinatingUnitIds phải là danh sách' })
  @ArrayMaxSize(100, { message: 'coordinatingUnitIds có tối đa 100 đơn vị' })
  @ArrayUnique({ message: 'coordinatingUnitIds có đơn vị trùng nhau' })
  @IsUUID('all', { each: true, message: 'coordinatingUnitIds phải là danh sách mã đơn vị (UUID)' })
  coordinatingUnitIds?: string[];

  @ApiPropertyOptional({
    description: 'Lãnh đạo phụ trách (người dùng vai trò leader hoặc chairman)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId?: string;

  @ApiPropertyOptional({ description: 'Sản phẩm', maxLength: TEXT_MAX_LENGTH })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  product?: string;

  @ApiPropertyOptional({ description: 'Yêu cầu', maxLength: TEXT_MAX_LENGTH })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  requirement?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: `Hạn hoàn thành (YYYY-MM-DD, ${PLANNABLE_RANGE.first} – ${PLANNABLE_RANGE.last})`,
  })
  @IsOptional()
  @IsCalendarDate(PLANNABLE_RANGE)
  dueDate?: string;
}
