import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = 'phải là ngày dạng YYYY-MM-DD';

export class CreateTaskDto {
  @ApiProperty({ example: 'Rà soát, đơn giản hóa thủ tục hành chính' })
  @IsString()
  @IsNotEmpty({ message: 'title không được để trống' })
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ description: 'Nội dung công việc; mặc định bằng title' })
  @IsOptional()
  @IsString()
  content?: string;

  @ApiProperty({ description: 'Cơ quan chủ trì' })
  @IsUUID('all', { message: 'leadUnitId phải là mã đơn vị (UUID)' })
  leadUnitId: string;

  @ApiPropertyOptional({ type: [String], description: 'Cơ quan phối hợp' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'coordinatingUnitIds phải là danh sách mã đơn vị (UUID)' })
  coordinatingUnitIds?: string[];

  @ApiPropertyOptional({
    description: 'Lãnh đạo phụ trách (người dùng vai trò leader hoặc chairman)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId?: string;

  @ApiPropertyOptional({ description: 'Sản phẩm' })
  @IsOptional()
  @IsString()
  product?: string;

  @ApiPropertyOptional({ description: 'Yêu cầu' })
  @IsOptional()
  @IsString()
  requirement?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Hạn hoàn thành (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: `dueDate ${ISO_DATE_MESSAGE}` })
  dueDate?: string;
}
