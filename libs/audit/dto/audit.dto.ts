import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '@cchc/common';

/** A period of the history in calendar days (Vietnam time), both ends included. */
export class AuditPeriodQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Từ ngày (giờ Việt Nam)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Đến ngày (giờ Việt Nam)' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}

export class ChainHeadDto {
  @ApiProperty()
  instanceId: string;

  @ApiProperty({ example: 4 })
  seq: number;

  @ApiProperty({ description: 'SHA-256 (hex) của sự kiện cuối chuỗi' })
  hash: string;
}

export class CheckpointDto {
  @ApiProperty({ example: '12' })
  id: string;

  @ApiProperty({ description: 'Mã phường (hoặc "global" cho các chuỗi không thuộc phường nào)' })
  scope: string;

  @ApiProperty({ example: '2026-03-31' })
  day: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ example: 120 })
  instanceCount: number;

  @ApiProperty({ description: 'Gốc Merkle (hex) trên các đầu chuỗi, sắp theo mã đối tượng' })
  root: string;

  @ApiProperty({ type: [ChainHeadDto] })
  heads: ChainHeadDto[];

  @ApiProperty({ description: 'Chữ ký Ed25519 (base64) của điểm kiểm tra' })
  signature: string;

  @ApiProperty({ example: '3f2a9c0d1e4b5a6c', description: 'Mã khóa ký' })
  keyId: string;
}

export class AuditBreakDto {
  @ApiProperty({ nullable: true, type: String, example: 'reform-task' })
  instanceType: string | null;

  @ApiProperty({ nullable: true, type: String })
  instanceId: string | null;

  @ApiProperty({ nullable: true, type: Number, example: 3 })
  seq: number | null;

  @ApiProperty({ nullable: true, type: String })
  checkpointId: string | null;

  @ApiProperty({ example: 'Sự kiện số 3 của reform-task … đã bị sửa (hash không khớp nội dung)' })
  message: string;
}

export class VerifyReportDto {
  @ApiProperty({ description: 'true khi mọi chuỗi và điểm kiểm tra đều nguyên vẹn' })
  ok: boolean;

  @ApiProperty()
  events: number;

  @ApiProperty()
  instances: number;

  @ApiProperty()
  checkpoints: number;

  @ApiProperty({ description: 'Đầu chuỗi của điểm kiểm tra nằm ngoài khoảng thời gian đã đọc' })
  uncheckedHeads: number;

  @ApiProperty({ type: [AuditBreakDto], description: 'Chỗ hỏng đầu tiên trước' })
  breaks: AuditBreakDto[];

  @ApiProperty()
  seconds: number;

  @ApiProperty({ description: 'Số sự kiện kiểm tra mỗi giây' })
  eventsPerSecond: number;

  @ApiProperty({ description: 'Số sự kiện mỗi giây CPU của tiến trình (không phụ thuộc tải máy)' })
  eventsPerCpuSecond: number;
}
