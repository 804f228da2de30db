import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_STATES, DossierState, IsoDate } from '@cchc/domain';
import { TaskWithSlaDto } from '@cchc/escalations';

export class InboxUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Phòng Văn hóa - Xã hội' })
  name: string;
}

/** A dossier in the one-stop officer's or unit head's sections (the page is /ho-so/:code). */
export class InboxDossierDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'H12.34-260302-0001' })
  code: string;

  @ApiProperty()
  applicantName: string;

  @ApiProperty()
  procedureName: string;

  @ApiProperty({ type: InboxUnitDto })
  handlingUnit: InboxUnitDto;

  @ApiProperty({ enum: DOSSIER_STATES })
  state: DossierState;

  @ApiProperty({ example: 'Đang xử lý' })
  stateLabel: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-03-04',
    description: 'Ngày hẹn trả hiện tại',
  })
  appointmentDate: IsoDate;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Ngày làm việc còn lại đến ngày hẹn (0 vào chính ngày hẹn); null khi đã quá hạn',
  })
  workingDaysLeft: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Ngày làm việc đã quá ngày hẹn; null khi chưa quá hạn',
  })
  workingDaysOverdue: number | null;
}

/** An apology slip drafted for the unit head to sign ("Ký phiếu" on the dossier page). */
export class InboxApologySlipDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Lần xin lỗi thứ mấy của hồ sơ' })
  round: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-03-04' })
  missedAppointmentDate: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-03-11' })
  newAppointmentDate: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-03-03' })
  draftedOn: IsoDate;
}

/** An escalation of the escalation log that named the chairman. */
export class InboxEscalationDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ description: 'Cấp chuyển lên (1, 2, …)' })
  level: number;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-03-04',
    description: 'Hạn của nhiệm vụ khi chuyển lên',
  })
  dueDate: IsoDate;

  @ApiProperty()
  firedAt: Date;

  @ApiProperty({ type: InboxUnitDto, description: 'Đơn vị chủ trì của nhiệm vụ' })
  leadUnit: InboxUnitDto;
}

/** One entry of a section: a task, a dossier (with the slip to sign) or an escalation of a task. */
export class InboxItemDto {
  @ApiProperty({ type: TaskWithSlaDto, nullable: true })
  task: TaskWithSlaDto | null;

  @ApiProperty({ type: InboxDossierDto, nullable: true })
  dossier: InboxDossierDto | null;

  @ApiProperty({ type: InboxApologySlipDto, nullable: true })
  apologySlip: InboxApologySlipDto | null;

  @ApiProperty({ type: InboxEscalationDto, nullable: true })
  escalation: InboxEscalationDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Vì sao mục này ở đây khi trạng thái chưa nói, ví dụ lý do trả lại báo cáo',
  })
  note: string | null;
}

export class InboxSectionDto {
  @ApiProperty({ example: 'toApprove' })
  key: string;

  @ApiProperty({ example: 'Báo cáo chờ nghiệm thu' })
  title: string;

  @ApiProperty({
    description: 'Tổng số mục của phần, đếm tới 100 (items chỉ có 20 mục đầu)',
  })
  count: number;

  @ApiProperty({ description: 'Phần có hơn 100 mục (count dừng ở 100)' })
  countCapped: boolean;

  @ApiProperty({ type: [InboxItemDto], description: 'Các mục đầu, gấp nhất trước' })
  items: InboxItemDto[];
}

export class InboxDto {
  @ApiProperty({ type: [InboxSectionDto] })
  sections: InboxSectionDto[];

  @ApiProperty({ description: 'Số việc đang chờ người dùng (số trên thanh điều hướng)' })
  total: number;

  @ApiProperty({ description: 'Có phần đếm dừng ở 100: total nhỏ hơn số việc thật' })
  totalCapped: boolean;
}
