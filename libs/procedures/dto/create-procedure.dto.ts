import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsText } from '@cchc/common';

export class CreateProcedureDto {
  @ApiProperty({ example: '1.001193', description: 'Mã thủ tục (quốc gia hoặc của phường)' })
  @IsText(64)
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  @IsText(500)
  name: string;

  @ApiProperty({ example: 5, description: 'Thời hạn giải quyết, tính bằng ngày làm việc' })
  @IsInt({ message: 'processingDays phải là số nguyên (ngày làm việc)' })
  @Min(1, { message: 'processingDays phải từ 1 ngày làm việc' })
  @Max(365, { message: 'processingDays tối đa 365 ngày làm việc' })
  processingDays: number;

  @ApiProperty({ description: 'Đơn vị xử lý hồ sơ' })
  @IsUUID('all', { message: 'handlingUnitId phải là mã đơn vị (UUID)' })
  handlingUnitId: string;
}
