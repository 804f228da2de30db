import { ApiProperty } from '@nestjs/swagger';
import {
  CAMPAIGN_EVENT_TYPES,
  CAMPAIGN_STATES,
  CHECKLIST_RESULTS,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  INSPECTION_KINDS,
  TASK_STATES,
  VISIT_STATES,
} from '@cchc/domain';
import { ChecklistTopicDto } from './checklist.dto';

export class ChecklistResultView {
  @ApiProperty() topicCode: string;
  @ApiProperty({ enum: CHECKLIST_RESULTS }) result: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class VisitView {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: VISIT_STATES }) state: string;
  @ApiProperty({ example: 'Đã kiểm tra' }) stateLabel: string;
  @ApiProperty({ description: 'Không báo trước: đơn vị chỉ thấy khi đã bắt đầu' })
  unannounced: boolean;
  @ApiProperty({ example: '2026-04-10' }) scheduledOn: string;
  @ApiProperty({ type: String, nullable: true }) startedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) doneOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '01/BB-ĐKT',
    description: 'Số biên bản, cấp khi hoàn thành kiểm tra tại đơn vị',
  })
  minutesNumber: string | null;
  @ApiProperty({ type: [ChecklistResultView] }) results: ChecklistResultView[];
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
  @ApiProperty({
    enum: CAMPAIGN_EVENT_TYPES,
    isArray: true,
    description: 'Thao tác được phép với lượt kiểm tra này',
  })
  allowedEvents: string[];
}

export class FindingView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() topicCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity: string;
  @ApiProperty({ type: String, nullable: true }) parCode: string | null;
  @ApiProperty() recommendation: string;
  @ApiProperty({ enum: FINDING_STATUSES }) status: string;
  @ApiProperty({ example: 'Đã giao nhiệm vụ khắc phục' }) statusLabel: string;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do báo cáo Chủ tịch / kết thúc' })
  statusReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Nhiệm vụ khắc phục' })
  taskId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: TASK_STATES })
  taskState: string | null;
  @ApiProperty({ type: String, nullable: true }) taskDueDate: string | null;
  @ApiProperty({ description: 'Nhiệm vụ khắc phục đã nghiệm thu, hoặc Chủ tịch đã kết thúc' })
  settled: boolean;
  @ApiProperty({
    enum: CAMPAIGN_EVENT_TYPES,
    isArray: true,
    description: 'Thao tác được phép với tồn tại, hạn chế này',
  })
  allowedEvents: string[];
}

export class CampaignSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ example: '2026-03-02' }) decisionDate: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind: string;
  @ApiProperty({ example: 'Không báo trước' }) kindLabel: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;
  @ApiProperty({ example: 'Đang kiểm tra' }) stateLabel: string;
  @ApiProperty() headId: string;
  @ApiProperty() version: number;
}

export class CampaignView extends CampaignSummaryView {
  @ApiProperty({ type: [String] }) inspectorIds: string[];
  @ApiProperty({ type: [ChecklistTopicDto] }) checklist: ChecklistTopicDto[];
  @ApiProperty({ type: String, nullable: true }) noticeNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) concludedOn: string | null;
  @ApiProperty({ type: [VisitView], description: 'Các lượt kiểm tra người dùng được xem' })
  visits: VisitView[];
  @ApiProperty({ type: [FindingView] }) findings: FindingView[];
  @ApiProperty({ enum: CAMPAIGN_EVENT_TYPES, isArray: true, description: 'Thao tác được phép' })
  allowedEvents: string[];
}

export class UnitInspectionFigures {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'Đã được kiểm tra từ `coverageFrom` đến `to`' })
  inspected: boolean;
  @ApiProperty({ type: String, nullable: true }) lastInspectedOn: string | null;
  @ApiProperty() findings: number;
  @ApiProperty({ description: 'Nhiệm vụ khắc phục đã nghiệm thu' }) remediated: number;
  @ApiProperty({ description: 'Đã khắc phục hoặc Chủ tịch đã kết thúc' }) settled: number;
  @ApiProperty({ description: 'Nhiệm vụ khắc phục quá hạn' }) overdue: number;
}

export class InspectionFigures {
  @ApiProperty({ example: '2026-01-01' }) from: string;
  @ApiProperty({ example: '2026-12-31' }) to: string;
  @ApiProperty({
    example: '2025-12-15',
    description:
      'Tính đơn vị đã được kiểm tra từ ngày này đến `to`: đầu năm báo cáo (mỗi đơn vị được kiểm tra ít nhất một lần trong năm), hoặc `from` nếu sớm hơn',
  })
  coverageFrom: string;
  @ApiProperty() unitsTotal: number;
  @ApiProperty({
    description: 'Đơn vị được kiểm tra ít nhất một lần từ `coverageFrom` đến `to`',
  })
  unitsInspected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'unitsInspected / unitsTotal' })
  coverageRate: number | null;
  @ApiProperty({ example: 1, description: 'Chỉ tiêu: 100% đơn vị' }) coverageTarget: number;
  @ApiProperty({
    description:
      'Tồn tại, hạn chế của các lượt kiểm tra trong kỳ, và của lượt kiểm tra trước đó chưa được xử lý xong khi kỳ bắt đầu',
  })
  findings: number;
  @ApiProperty() remediated: number;
  @ApiProperty() settled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'settled / findings' })
  remediationRate: number | null;
  @ApiProperty({ example: 1, description: 'Chỉ tiêu: 100% tồn tại được khắc phục hoặc xử lý' })
  remediationTarget: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: [UnitInspectionFigures] }) byUnit: UnitInspectionFigures[];
}
