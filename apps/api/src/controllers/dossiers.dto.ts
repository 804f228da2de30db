import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_STATES, DossierState, PendingApology } from '@cchc/domain';
import {
  ApologySlipView,
  BulkLineReport,
  BulkReport,
  DossierFigures,
  DossierStats,
  DossierView,
  UnitFigures,
} from '@cchc/dossiers';
import { HistoryEntryDto } from './history.dto';
import { KeysetPageDto } from './keyset-page.dto';

export class SlipDocumentsDto {
  @ApiProperty({ example: '/apologies/…/document?format=docx' })
  docx: string;

  @ApiProperty({ example: '/apologies/…/document?format=pdf' })
  pdf: string;
}

export class ApologySlipViewDto implements ApologySlipView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Lần xin lỗi thứ mấy của hồ sơ' })
  round: number;

  @ApiProperty({ enum: ['delay-reported', 'overdue'] })
  trigger: 'delay-reported' | 'overdue';

  @ApiProperty({ enum: ['draft', 'issued'] })
  status: 'draft' | 'issued';

  @ApiProperty({
    type: String,
    nullable: true,
    example: '03/PXL-VHXH',
    description: 'null khi là bản nháp',
  })
  number: string | null;

  @ApiProperty({ example: '2026-03-04' })
  missedAppointmentDate: string;

  @ApiProperty({ example: '2026-03-11' })
  newAppointmentDate: string;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty()
  signerName: string;

  @ApiProperty()
  signerPosition: string;

  @ApiProperty({ example: '2026-03-03' })
  draftedOn: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-04' })
  issuedOn: string | null;

  @ApiProperty({
    type: SlipDocumentsDto,
    nullable: true,
    description:
      "Null for a viewer who may not see the applicant's contact details (the slip prints them): " +
      'only the one-stop desk, the chairman, inspectors and the handling unit download slips.',
  })
  documents: SlipDocumentsDto | null;
}

export class DossierProcedureDto {
  @ApiProperty({ example: '1.001612' })
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  name: string;

  @ApiProperty({ example: 5 })
  processingDays: number;
}

/** Contact details only for those who handle the dossier and inspectors. */
export class ApplicantViewDto {
  @ApiProperty({ example: 'Trần Thị Bình' })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  email?: string | null;
}

export class ClockStoppedDto {
  @ApiProperty({ example: '2026-03-02', description: 'Dừng tính giờ từ ngày (chờ bổ sung)' })
  since: string;

  @ApiProperty({ description: 'Số ngày làm việc còn lại khi dừng' })
  remainingWorkingDays: number;
}

export class PendingApologyDto implements PendingApology {
  @ApiProperty()
  round: number;

  @ApiProperty({ enum: ['delay-reported', 'overdue'] })
  reason: 'delay-reported' | 'overdue';

  @ApiProperty({ example: '2026-03-04' })
  appointmentDate: string;

  @ApiProperty({ example: '2026-03-03' })
  startedOn: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-11' })
  proposedDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  delayReason: string | null;
}

export class DossierViewDto implements DossierView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'H12.34-260302-0001' })
  code: string;

  @ApiProperty({ type: DossierProcedureDto })
  procedure: DossierProcedureDto;

  @ApiProperty({ type: ApplicantViewDto })
  applicant: ApplicantViewDto;

  @ApiProperty()
  receivedAt: Date;

  @ApiProperty({ example: '2026-03-02' })
  receivedOn: string;

  @ApiProperty({ format: 'uuid' })
  handlingUnitId: string;

  @ApiProperty({ enum: DOSSIER_STATES })
  state: DossierState;

  @ApiProperty({ example: 'Đang xử lý' })
  stateLabel: string;

  @ApiProperty({ example: '2026-03-09' })
  originalAppointmentDate: string;

  @ApiProperty({ example: '2026-03-09' })
  appointmentDate: string;

  @ApiProperty({
    description:
      'Overdue now, as `?overdue=true` lists it and the figures count it: in hand (received, ' +
      'processing, result not yet handed over) and marked overdue or past its appointment, or ' +
      'waiting for a supplement after missing it. False once closed.',
  })
  overdue: boolean;

  @ApiProperty({
    description: 'Missed, or announced it would miss, an appointment at least once; stays true.',
  })
  late: boolean;

  @ApiProperty({ type: ClockStoppedDto, nullable: true })
  clockStopped: ClockStoppedDto | null;

  @ApiProperty()
  apologyRound: number;

  @ApiProperty({ type: PendingApologyDto, nullable: true })
  apologyPending: PendingApologyDto | null;

  @ApiProperty({ type: String, nullable: true })
  resultOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  returnedOn: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiPropertyOptional({
    type: [String],
    description: 'Chỉ ở GET /dossiers/{code} và sau một sự kiện',
  })
  allowedEvents?: string[];

  @ApiPropertyOptional({ type: [ApologySlipViewDto] })
  apologies?: ApologySlipViewDto[];

  @ApiPropertyOptional({ type: [HistoryEntryDto] })
  history?: HistoryEntryDto[];
}

export class DossierPageDto extends KeysetPageDto(DossierViewDto, {
  total: 'Số hồ sơ khớp bộ lọc, đếm tới 1000 (totalCapped: còn nhiều hơn)',
  totalCapped: 'true: hơn `total` hồ sơ khớp bộ lọc',
}) {}

export class BulkLineReportDto implements BulkLineReport {
  @ApiProperty({ description: 'Số dòng trong tệp' })
  line: number;

  @ApiProperty({ type: String, nullable: true })
  code: string | null;

  @ApiProperty({
    enum: ['created', 'existing', 'rejected', 'failed'],
    description: 'failed: lỗi máy chủ ở dòng này, không ghi gì; gửi lại dòng',
  })
  status: 'created' | 'existing' | 'rejected' | 'failed';

  @ApiPropertyOptional({ example: 'applicant: …' })
  message?: string;

  @ApiPropertyOptional({ example: '2026-03-09' })
  appointmentDate?: string;
}

export class BulkReportDto implements BulkReport {
  @ApiProperty()
  created: number;

  @ApiProperty()
  existing: number;

  @ApiProperty()
  rejected: number;

  @ApiProperty()
  failed: number;

  @ApiProperty({ type: [BulkLineReportDto] })
  lines: BulkLineReportDto[];
}

export class DossierFiguresDto implements DossierFigures {
  @ApiProperty({ description: 'Hồ sơ tiếp nhận trong kỳ' })
  received: number;

  @ApiProperty({ description: 'Trả trước hạn' })
  returnedEarly: number;

  @ApiProperty({ description: 'Trả đúng hạn' })
  returnedOnTime: number;

  @ApiProperty({ description: 'Trả quá hạn' })
  returnedLate: number;

  @ApiProperty({
    description:
      'Đang giải quyết: chưa trả tại ngày chốt (tiếp nhận, đang xử lý, chờ bổ sung, có kết quả ' +
      'chưa trả, hay trả, từ chối, rút sau ngày chốt); không gồm hồ sơ đã từ chối, rút đến ngày chốt',
  })
  pending: number;

  @ApiProperty({
    description:
      'Đang giải quyết quá hạn: chưa trả và đã quá hạn (hồ sơ chờ bổ sung chỉ khi đã quá hạn trước khi dừng)',
  })
  openOverdue: number;

  @ApiProperty({ description: 'Đang giải quyết trong hạn (pending − openOverdue)' })
  pendingInTime: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Tỷ lệ đúng hạn (0–1; mục tiêu 0,9)' })
  onTimeRate: number | null;

  @ApiProperty({ description: 'Hồ sơ quá hạn (phải có phiếu xin lỗi)' })
  overdue: number;

  @ApiProperty()
  overdueSlipBeforeAppointment: number;

  @ApiProperty()
  overdueSlipAfterAppointment: number;

  @ApiProperty()
  overdueWithoutSlip: number;

  @ApiProperty()
  overdueWithIssuedSlip: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Tỷ lệ có phiếu xin lỗi (mục tiêu 1)' })
  apologyCoverage: number | null;
}

export class UnitFiguresDto extends DossierFiguresDto implements UnitFigures {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'VHXH' })
  unitCode: string;

  @ApiProperty({ example: 'Phòng Văn hóa - Xã hội' })
  unitName: string;
}

export class DossierStatsDto implements DossierStats {
  @ApiProperty({ type: String, nullable: true, example: '2026-01-01' })
  from: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-31' })
  to: string | null;

  @ApiProperty({ example: '2026-03-04', description: 'Ngày dùng để xét quá hạn' })
  today: string;

  @ApiProperty({ type: DossierFiguresDto })
  overall: DossierFiguresDto;

  @ApiProperty({ type: [UnitFiguresDto] })
  units: UnitFiguresDto[];
}
