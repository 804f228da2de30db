import { ApiProperty } from '@nestjs/swagger';
import {
  TARGET_COMPARATORS,
  TARGET_METRICS,
  TARGET_SOURCES,
  TARGET_STATUSES,
  TARGET_UNITS,
  TargetComparator,
  TargetMetric,
  TargetSource,
  TargetStatus,
  TargetUnit,
  TargetVerdict,
} from '../metrics';

export class TargetValueView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2025-12-15' }) from: string;
  @ApiProperty({ example: '2026-03-14' }) to: string;
  @ApiProperty({ example: 92.5 }) value: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty() enteredBy: string;
  @ApiProperty() enteredAt: Date;
}

export class TargetView {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty({ example: 'CT-01' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TARGET_UNITS, nullable: true }) unit: TargetUnit | null;
  @ApiProperty({ enum: TARGET_COMPARATORS, nullable: true }) comparator: TargetComparator | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: String, nullable: true }) qualitative: string | null;
  @ApiProperty({ enum: TARGET_SOURCES }) source: TargetSource;
  @ApiProperty({ enum: TARGET_METRICS, nullable: true }) metric: TargetMetric | null;
  @ApiProperty({
    enum: TARGET_STATUSES,
    description: 'suggested: đọc từ văn bản kế hoạch, chờ xác nhận; confirmed: đã xác nhận',
  })
  status: TargetStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Câu trong kế hoạch (gợi ý)' })
  sentence: string | null;
  @ApiProperty({ type: Number, nullable: true }) sourceRow: number | null;
  @ApiProperty({ type: [TargetValueView] }) values: TargetValueView[];
}

export class TargetSuggestionsView {
  @ApiProperty({ description: 'Số gợi ý mới (câu đã gợi ý trước đây không lặp lại)' })
  created: number;
  @ApiProperty({ type: [TargetView], description: 'Mọi chỉ tiêu gợi ý đang chờ xác nhận' })
  suggested: TargetView[];
}

export class TargetImportView {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ type: [TargetView] }) targets: TargetView[];
}

/** How a computed actual was counted: numerator over denominator. */
export class ActualBasis {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
}

export class TargetActualView {
  @ApiProperty({ type: TargetView }) target: TargetView;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tỷ lệ (0.9 = 90%) với đơn vị percent, hoặc số',
  })
  actual: number | null;
  @ApiProperty({ type: ActualBasis, nullable: true }) basis: ActualBasis | null;
  @ApiProperty({ enum: ['met', 'not_met', 'qualitative', 'no_data'] }) verdict: TargetVerdict;
  @ApiProperty({ description: 'Đạt / Không đạt / …' }) verdictLabel: string;
  @ApiProperty({ type: String, nullable: true, description: 'Vì sao chưa có số liệu, hoặc nguồn' })
  note: string | null;
}

export class TargetActualsView {
  @ApiProperty() planId: string;
  @ApiProperty({ example: '2025-12-15' }) from: string;
  @ApiProperty({ example: '2026-12-14' }) to: string;
  @ApiProperty({ description: 'Số liệu tính đến thời điểm này' }) cutoff: Date;
  @ApiProperty({ type: [TargetActualView] }) targets: TargetActualView[];
}
