import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CreateProcedureDto {
  @ApiProperty({ example: '1.001193', description: 'Mã thủ tục (quốc gia hoặc của phường)' })
  @IsString()
  @IsNotEmpty({ message: 'code (mã thủ tục) không được để trống' })
  @MaxLength(64)
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  @IsString()
  @IsNotEmpty({ message: 'name (tên thủ tục) không được để trống' })
  @MaxLength(500)
  name: string;

  @ApiProperty({ example: 5, description: 'Thời hạn giải quyết, tính bằng ngày làm việc' })
  @IsInt({ message: 'processingDays phải là số nguyên (ngày làm việc)' })
  @Min(0)
  @Max(365)
  processingDays: number;

  @ApiProperty({ description: 'Đơn vị xử lý hồ sơ' })
  @IsUUID('all', { message: 'handlingUnitId phải là mã đơn vị (UUID)' })
  handlingUnitId: string;
}
