import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '@cchc/common';
import { IsoDate, TASK_STATES, TaskState } from '@cchc/domain';

/** The period is the tasks' due date; both ends are included. */
export class TaskStatsQuery {
  @ApiPropertyOptional({ description: 'Chỉ các nhiệm vụ của một kế hoạch' })
  @IsOptional()
  @IsUUID('all', { message: 'planId phải là UUID' })
  planId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Hạn hoàn thành từ ngày' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Hạn hoàn thành đến ngày' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}

export class TaskCompletionFiguresDto {
  @ApiProperty({ description: 'Nhiệm vụ đã nghiệm thu (có hạn)' })
  accepted: number;

  @ApiProperty({ description: 'Nghiệm thu vào hoặc trước ngày hạn (theo lịch sử)' })
  acceptedOnTime: number;

  @ApiProperty({ description: 'Nghiệm thu sau ngày hạn' })
  acceptedLate: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'acceptedOnTime / accepted; null khi chưa có nhiệm vụ nào được nghiệm thu',
  })
  onTimeRate: number | null;

  @ApiProperty({ description: 'Nhiệm vụ chưa xong (chưa nghiệm thu, chưa hủy)' })
  open: number;

  @ApiProperty({ description: 'Nhiệm vụ quá hạn (như bộ lọc "Quá hạn" của danh sách)' })
  overdue: number;
}

export class UnitTaskFiguresDto extends TaskCompletionFiguresDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'VHXH' })
  unitCode: string;

  @ApiProperty({ example: 'Phòng Văn hóa - Xã hội' })
  unitName: string;
}

export class AreaOverdueDto {
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'null: ngoài kế hoạch',
  })
  planId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '123/KH-UBND' })
  planNumber: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'II' })
  areaCode: string | null;

  @ApiProperty({ example: 'Cải cách thủ tục hành chính' })
  areaTitle: string;

  @ApiProperty()
  overdue: number;
}

export class StateCountDto {
  @ApiProperty({ enum: TASK_STATES })
  state: TaskState;

  @ApiProperty({
    description: 'Số nhiệm vụ đang ở trạng thái này (như bộ lọc "Trạng thái" của danh sách)',
  })
  count: number;
}

export class LevelCountDto {
  @ApiProperty()
  level: number;

  @ApiProperty()
  count: number;
}

export class UnitCountDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty()
  count: number;
}

/** Escalations (kind 'escalate' of the escalation log) fired in the current calendar month. */
export class MonthEscalationsDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-03-01' })
  from: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-03-31' })
  to: IsoDate;

  @ApiProperty()
  total: number;

  @ApiProperty({ type: [LevelCountDto] })
  byLevel: LevelCountDto[];

  @ApiProperty({ type: [UnitCountDto], description: 'Theo đơn vị chủ trì của nhiệm vụ' })
  byUnit: UnitCountDto[];
}

export class TaskStatsDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  planId: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-01' })
  from: IsoDate | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31' })
  to: IsoDate | null;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-03-02',
    description: 'Ngày tính "quá hạn"',
  })
  today: IsoDate;

  @ApiProperty({ type: TaskCompletionFiguresDto })
  overall: TaskCompletionFiguresDto;

  @ApiProperty({
    type: [StateCountDto],
    description:
      'Theo trạng thái: mọi trạng thái, theo thứ tự của danh sách, kể cả trạng thái không có nhiệm vụ',
  })
  byState: StateCountDto[];

  @ApiProperty({ type: [UnitTaskFiguresDto], description: 'Theo đơn vị chủ trì' })
  units: UnitTaskFiguresDto[];

  @ApiProperty({
    type: [AreaOverdueDto],
    description: 'Nhiệm vụ quá hạn theo lĩnh vực của kế hoạch',
  })
  overdueByArea: AreaOverdueDto[];

  @ApiProperty({ type: MonthEscalationsDto })
  escalationsThisMonth: MonthEscalationsDto;
}
