import { ApiProperty } from '@nestjs/swagger';
import { PAR_SCORE_STATUSES, ParScoreStatus } from '@cchc/domain';
import { TARGET_METRICS, TargetMetric } from '@cchc/targets';
import { CriterionLevel, SCORING_METHODS, ScoringMethod } from '../criteria-tree';

export class ScoreView {
  @ApiProperty() score: number;
  @ApiProperty({
    enum: PAR_SCORE_STATUSES,
    description: 'submitted: chờ xem xét; accepted; returned',
  })
  status: ParScoreStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty({ type: [String] }) taskIds: string[];
  @ApiProperty({ enum: TARGET_METRICS, isArray: true }) figures: TargetMetric[];
  @ApiProperty() enteredBy: string;
  @ApiProperty() enteredAt: Date;
  @ApiProperty({ type: String, nullable: true }) reviewedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) reviewedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do trả lại' })
  reviewReason: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tiêu chí điều tra xã hội học: tỷ lệ (%) công chức tham mưu nhập',
  })
  surveyRate: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Nguồn kết quả điều tra (văn bản công bố); tệp ở evidenceIds',
  })
  surveySource: string | null;
}

export class LinkedTaskView {
  @ApiProperty() id: string;
  @ApiProperty() ordinal: string;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
  @ApiProperty() leadUnitId: string;
}

export class CriterionView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '3.2.1' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['area', 'criterion', 'subCriterion'] }) level: CriterionLevel;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ enum: SCORING_METHODS }) method: ScoringMethod;
  @ApiProperty({ enum: TARGET_METRICS, nullable: true }) metric: TargetMetric | null;
  @ApiProperty({ description: 'Tiêu chí được chấm trực tiếp (không có tiêu chí con)' })
  leaf: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Tỷ lệ (%) cho điểm = điểm tối đa × tỷ lệ: số liệu của năm (computed), kết quả điều tra (survey)',
  })
  rate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm tự đánh giá' })
  points: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm đã được thẩm định' })
  acceptedPoints: number | null;
  @ApiProperty({ type: ScoreView, nullable: true }) score: ScoreView | null;
  @ApiProperty({ type: [LinkedTaskView], description: 'Nhiệm vụ của kế hoạch Chỉ số CCHC cùng mã' })
  tasks: LinkedTaskView[];
}

export class AreaTotalView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Phần trăm điểm đạt' })
  percent: number | null;
}

export class AssessmentView {
  @ApiProperty() year: number;
  @ApiProperty() issuer: string;
  @ApiProperty({ type: [CriterionView] }) criteria: CriterionView[];
  @ApiProperty({ type: [AreaTotalView] }) areas: AreaTotalView[];
  @ApiProperty({ type: AreaTotalView, description: 'Tổng cộng' }) total: AreaTotalView;
}

export class CriteriaLoadedView {
  @ApiProperty() year: number;
  @ApiProperty() issuer: string;
  @ApiProperty() criteria: number;
  @ApiProperty({ description: 'Số tiêu chí có nhiệm vụ cùng mã trong kế hoạch của năm' })
  linkedToTasks: number;
}

export class LostPointsView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty({ description: 'Điểm bị mất năm nay (tối đa − điểm)' }) lost: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm bị mất năm trước' })
  previousLost: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Thay đổi so với năm trước (+ mất thêm)',
  })
  change: number | null;
  @ApiProperty({ type: [String], description: 'Cơ quan chủ trì (nhiệm vụ cùng mã)' })
  leadUnits: string[];
}

export class YearOnYearView {
  @ApiProperty() year: number;
  @ApiProperty() previousYear: number;
  @ApiProperty({ type: [LostPointsView] }) criteria: LostPointsView[];
}
