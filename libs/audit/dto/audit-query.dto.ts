import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@cchc/common';
import { AuditPeriodQuery } from './audit.dto';

/** GET /audit and its XLSX export: who did what, in the caller's ward, newest first. */
export class AuditQuery extends AuditPeriodQuery {
  @ApiPropertyOptional({ description: 'Người thực hiện: mã người dùng, hoặc "system"' })
  @IsOptional()
  @Matches(/^(system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'actor phải là mã người dùng (UUID) hoặc "system"',
  })
  actor?: string;

  @ApiPropertyOptional({ example: 'reform-task', description: 'Loại đối tượng (instance type)' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,31}$/, { message: 'type phải là mã loại đối tượng, ví dụ reform-task' })
  type?: string;

  @ApiPropertyOptional({ example: 'LOGIN_FAILED', description: 'Loại sự kiện' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z_]{0,63}$/, { message: 'event phải là mã sự kiện, ví dụ LOGIN_FAILED' })
  event?: string;

  @ApiPropertyOptional({ description: 'Đơn vị của người thực hiện' })
  @IsOptional()
  @IsUUID('all', { message: 'unit phải là UUID' })
  unit?: string;

  @ApiPropertyOptional({ description: 'Trang tiếp theo: giá trị nextCursor của trang trước' })
  @IsOptional()
  @Matches(/^\d{1,15}\.\d{1,19}$/, {
    message: 'cursor không hợp lệ: dùng nextCursor của trang trước',
  })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit phải là số nguyên' })
  @Min(1, { message: 'limit phải từ 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit tối đa là ${MAX_PAGE_SIZE}` })
  limit = 50;
}

export class AuditEntryDto {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: 'reform-task' })
  instanceType: string;

  @ApiProperty({ example: 'Nhiệm vụ' })
  instanceLabel: string;

  @ApiProperty()
  instanceId: string;

  @ApiProperty({ example: 3 })
  seq: number;

  @ApiProperty({ example: 'SUBMIT_REPORT' })
  eventType: string;

  @ApiProperty({ nullable: true, type: String })
  fromState: string | null;

  @ApiProperty()
  toState: string;

  @ApiProperty({ nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Họ tên; null với hệ thống' })
  actorName: string | null;

  @ApiProperty({ example: 'officer' })
  actorRole: string;

  @ApiProperty({ nullable: true, type: String })
  actorUnitId: string | null;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  payload: Record<string, unknown> | null;

  @ApiProperty()
  occurredAt: Date;

  @ApiProperty({ description: 'SHA-256 của sự kiện trong chuỗi băm' })
  hash: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Truyền vào cursor để lấy trang sau' })
  nextCursor: string | null;
}
