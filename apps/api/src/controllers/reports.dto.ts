import { ApiProperty } from '@nestjs/swagger';
import {
  CONTRIBUTION_STATES,
  ContributionState,
  REPORT_PERIOD_KINDS,
  REPORT_STATES,
  ReportCorrection,
  ReportPeriodKind,
  ReportState,
} from '@cchc/domain';
import {
  ContributionView,
  ReportingCalendarDto,
  ReportPeriod,
  ReportSummary,
  ReportView,
  RevisionView,
  SignatureWithdrawal,
} from '@cchc/reports';
import { HistoryEntryDto } from './history.dto';

export class ReportingCalendarViewDto extends ReportingCalendarDto {
  @ApiProperty({ description: 'true: phường chưa đặt lịch riêng, đang dùng lịch của Bộ Nội vụ' })
  preset: boolean;
}

export class ReportPeriodDto implements ReportPeriod {
  @ApiProperty({ enum: REPORT_PERIOD_KINDS })
  kind: ReportPeriodKind;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: 1 })
  index: number;

  @ApiProperty({ example: 'Quý I/2026' })
  label: string;

  @ApiProperty({ example: '2025-12-15', description: 'Ngày đầu tính số liệu' })
  from: string;

  @ApiProperty({ example: '2026-03-14', description: 'Ngày chốt số liệu (tính cả ngày này)' })
  cutoffDate: string;

  @ApiProperty({ example: '2026-03-09', description: 'Hạn các đơn vị gửi báo cáo' })
  contributionDueDate: string;

  @ApiProperty({ example: '2026-03-20', description: 'Hạn gửi báo cáo lên cấp trên' })
  upstreamDueDate: string;
}

export class ContributionViewDto implements ContributionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ enum: CONTRIBUTION_STATES })
  state: ContributionState;

  @ApiProperty()
  stateLabel: string;

  @ApiProperty({ example: '2026-03-09' })
  dueDate: string;

  @ApiProperty({ description: 'Gửi sau hạn (hoặc đã quá hạn mà chưa gửi)' })
  late: boolean;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ type: String, nullable: true })
  submittedOn: string | null;

  @ApiProperty()
  results: string;

  @ApiProperty()
  problems: string;

  @ApiProperty()
  proposals: string;

  @ApiProperty({ type: [String] })
  evidenceIds: string[];

  @ApiProperty({ type: String, nullable: true })
  returnReason: string | null;

  @ApiProperty({ type: [Number], description: 'Các lần nhắc đã gửi' })
  reminded: number[];

  @ApiProperty({ type: [Number], description: 'Các lần chuyển cấp trên xử lý đã gửi' })
  escalated: number[];

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [String] })
  allowedEvents: string[];
}

export class SignatureWithdrawalDto implements SignatureWithdrawal {
  @ApiProperty({ example: '04/BC-UBND', description: 'Số đã cấp khi ký (không cấp lại)' })
  number: string;

  @ApiProperty({ example: '2026-04-06' })
  signedOn: string;

  @ApiProperty({ example: '2026-04-07', description: 'Ngày Chủ tịch thu hồi chữ ký' })
  withdrawnOn: string;

  @ApiProperty({ description: 'Lý do thu hồi (lý do trả lại)' })
  reason: string;
}

export class RevisionViewDto implements RevisionView {
  @ApiProperty()
  revision: number;

  @ApiProperty({ description: 'sha-256 của JSON chuẩn hóa của số liệu' })
  contentHash: string;

  @ApiProperty()
  compiledAt: Date;

  @ApiProperty({ type: String, nullable: true, example: '03/BC-UBND', description: 'Số khi ký' })
  number: string | null;

  @ApiProperty({ type: String, nullable: true })
  signedOn: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Ngày gửi cấp trên lần này' })
  sentOn: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Báo cáo đính chính: lần tổng hợp đã gửi mà lần này thay thế',
  })
  correctsRevision: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Lý do đính chính' })
  correctionReason: string | null;

  @ApiProperty({
    type: SignatureWithdrawalDto,
    nullable: true,
    description: 'Chữ ký đã thu hồi trước khi gửi: lần này không còn là văn bản đã ký',
  })
  signatureWithdrawn: SignatureWithdrawalDto | null;
}

export class ReportCorrectionDto implements ReportCorrection {
  @ApiProperty({ description: 'Lần tổng hợp đã gửi được đính chính' })
  revision: number;

  @ApiProperty({ example: '03/BC-UBND' })
  number: string;

  @ApiProperty()
  signedOn: string;

  @ApiProperty({ description: 'Lý do đính chính' })
  reason: string;
}

export class ReportSummaryDto implements ReportSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REPORT_PERIOD_KINDS })
  periodKind: ReportPeriodKind;

  @ApiProperty()
  periodYear: number;

  @ApiProperty()
  periodIndex: number;

  @ApiProperty({ example: 'Quý I/2026' })
  periodLabel: string;

  @ApiProperty()
  from: string;

  @ApiProperty()
  cutoffDate: string;

  @ApiProperty()
  contributionDueDate: string;

  @ApiProperty()
  upstreamDueDate: string;

  @ApiProperty({ type: String, nullable: true })
  planId: string | null;

  @ApiProperty({ enum: REPORT_STATES })
  state: ReportState;

  @ApiProperty()
  stateLabel: string;

  @ApiProperty({ description: 'Lần tổng hợp mới nhất (0: chưa tổng hợp)' })
  revision: number;

  @ApiProperty({ type: String, nullable: true, example: '03/BC-UBND' })
  number: string | null;

  @ApiProperty({ description: 'Gửi cấp trên sau hạn' })
  late: boolean;

  @ApiProperty({ type: String, nullable: true })
  sentOn: string | null;
}

export class ReportViewDto extends ReportSummaryDto implements ReportView {
  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, nullable: true })
  contentHash: string | null;

  @ApiProperty({ type: String, nullable: true })
  returnReason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Vai trò đang phải xử lý' })
  awaiting: string | null;

  @ApiProperty({
    type: ReportCorrectionDto,
    nullable: true,
    description: 'Báo cáo đã gửi mà báo cáo này đính chính, thay thế',
  })
  corrects: ReportCorrectionDto | null;

  @ApiProperty({ type: [String] })
  allowedEvents: string[];

  @ApiProperty({ type: [ContributionViewDto] })
  contributions: ContributionViewDto[];

  @ApiProperty({ type: [RevisionViewDto] })
  revisions: RevisionViewDto[];

  @ApiProperty({ type: [HistoryEntryDto] })
  history: HistoryEntryDto[];
}
