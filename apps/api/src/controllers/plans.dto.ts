import { ApiProperty } from '@nestjs/swagger';
import {
  DEADLINE_KINDS,
  DeadlineKind,
  ParsedDeadline,
  PLAN_KINDS,
  PlanKind,
  PlanKindSuggestion,
  Recurrence,
} from '@cchc/domain';
import {
  AliasSource,
  COMPARED_FIELDS,
  ComparedField,
  FieldChange,
  LeaderRule,
  PLAN_FIELDS,
  PlanArea,
  PlanMetadata,
  PlanProblem,
  PlanProblemField,
  PlanTaskPreview,
  UnitRef,
} from '@cchc/plan-import';
import {
  ImportOutcome,
  ImportPreview,
  MatchedPlan,
  PlanAreaView,
  PlanDiffView,
  PlanKindChange,
  PlannedTaskView,
  PlanSummary,
  PlanView,
  StateCounts,
} from '@cchc/plans';

const PROBLEM_FIELDS: PlanProblemField[] = [
  ...PLAN_FIELDS,
  'table',
  'number',
  'title',
  'year',
  'issueDate',
];

/** Tasks by state: one count per task state. */
const STATE_COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  example: { giao: 3, dang_thuc_hien: 5 },
} as const;

export class PlanSummaryDto implements PlanSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: '07/KH-UBND' })
  number: string | null;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ enum: PLAN_KINDS, description: 'par_index: kế hoạch thực hiện Chỉ số CCHC' })
  kind: PlanKind;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-15' })
  issuedOn: string | null;

  @ApiProperty({ example: 'ke-hoach-cchc-2026.docx' })
  sourceFile: string;

  @ApiProperty({ description: 'Số lần đã điều chỉnh (0: như lần nhập đầu)' })
  revision: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiProperty({ description: 'Số nhiệm vụ' })
  tasks: number;
}

export class PlanAreaViewDto implements PlanAreaView {
  @ApiProperty({ example: 'I' })
  code: string;

  @ApiProperty({ example: 'Cải cách thể chế' })
  title: string;

  @ApiProperty()
  tasks: number;

  @ApiProperty(STATE_COUNTS)
  byState: StateCounts;
}

export class PlanViewDto extends PlanSummaryDto implements PlanView {
  @ApiProperty(STATE_COUNTS)
  byState: StateCounts;

  @ApiProperty({ type: [PlanAreaViewDto] })
  areas: PlanAreaViewDto[];
}

/** A warning or error of a plan import; `row` is the source row, null for the plan as a whole. */
export class PlanProblemDto implements PlanProblem {
  @ApiProperty({ type: Number, nullable: true })
  row: number | null;

  @ApiProperty({ enum: PROBLEM_FIELDS, nullable: true })
  field: PlanProblemField | null;

  @ApiProperty()
  message: string;
}

export class PlanMetadataDto implements PlanMetadata {
  @ApiProperty({ type: String, nullable: true, example: '07/KH-UBND' })
  number: string | null;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2026 })
  year: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-15' })
  issueDate: string | null;
}

export class PlanAreaDto implements PlanArea {
  @ApiProperty({ example: 'I' })
  code: string;

  @ApiProperty({ example: 'Cải cách thể chế' })
  title: string;
}

export class UnitAliasRefDto {
  @ApiProperty({ example: 'CC TP-HT' })
  alias: string;

  @ApiProperty({ enum: ['default', 'ward'] })
  source: AliasSource;
}

export class UnitRefDto implements UnitRef {
  @ApiProperty({ description: 'Tên đơn vị như viết trong kế hoạch' })
  raw: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  unitId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Nhóm đơn vị khi tên chỉ một nhóm' })
  groupCode: string | null;

  @ApiProperty({ type: UnitAliasRefDto, required: false })
  alias?: UnitAliasRefDto;
}

export class ParsedDeadlineDto implements ParsedDeadline {
  @ApiProperty({ enum: DEADLINE_KINDS })
  kind: DeadlineKind;

  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' })
  due: string | null;

  @ApiProperty({ type: [String] })
  milestones: string[];

  @ApiProperty({ type: String, nullable: true })
  start: string | null;

  @ApiProperty({ enum: ['monthly', 'quarterly', 'half-yearly', 'yearly'], nullable: true })
  recurrence: Recurrence;

  @ApiProperty({ example: 'Quý II/2026', description: 'Như viết trong kế hoạch' })
  raw: string;
}

export class PlanTaskPreviewDto implements PlanTaskPreview {
  @ApiProperty()
  sourceRow: number;

  @ApiProperty({ type: String, nullable: true, example: '2.1' })
  ordinal: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'I' })
  area: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Số thứ tự của dòng nhóm' })
  parent: string | null;

  @ApiProperty()
  isGroup: boolean;

  @ApiProperty()
  content: string;

  @ApiProperty({ type: String, nullable: true })
  requirement: string | null;

  @ApiProperty({ type: String, nullable: true })
  product: string | null;

  @ApiProperty({ type: String, nullable: true })
  leader: string | null;

  @ApiProperty({ type: UnitRefDto, nullable: true })
  leadUnit: UnitRefDto | null;

  @ApiProperty({ type: [UnitRefDto] })
  coordinatingUnits: UnitRefDto[];

  @ApiProperty({ type: ParsedDeadlineDto, nullable: true })
  deadline: ParsedDeadlineDto | null;
}

export class PlannedTaskViewDto implements PlannedTaskView {
  @ApiProperty()
  key: string;

  @ApiProperty({ type: String, nullable: true })
  parentKey: string | null;

  @ApiProperty()
  sourceRow: number;

  @ApiProperty({ example: '8:VHXH' })
  ordinal: string;

  @ApiProperty()
  isGroup: boolean;

  @ApiProperty({ format: 'uuid' })
  leadUnitId: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  leaderId: string | null;

  @ApiProperty({ enum: ['plan', 'unit', 'area', 'none'] })
  leaderRule: LeaderRule;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-31' })
  dueDate: string | null;
}

/** The dry run of an import (`dryRun=true`): what would be written, with every problem. */
export class PlanKindSuggestionDto implements PlanKindSuggestion {
  @ApiProperty({ enum: PLAN_KINDS, example: 'par_index' })
  kind: PlanKind;

  @ApiProperty({ example: 'Tên kế hoạch có "Chỉ số CCHC"' })
  reason: string;
}

export class MatchedPlanDto implements MatchedPlan {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: PLAN_KINDS,
    description: 'Loại kế hoạch đã lưu; giữ nguyên khi điều chỉnh nếu không gửi kind',
  })
  kind: PlanKind;
}

export class ImportPreviewDto implements ImportPreview {
  @ApiProperty({ type: PlanMetadataDto })
  plan: PlanMetadataDto;

  @ApiProperty({ type: [PlanAreaDto] })
  areas: PlanAreaDto[];

  @ApiProperty({ type: [PlanTaskPreviewDto] })
  tasks: PlanTaskPreviewDto[];

  @ApiProperty({ type: [PlanProblemDto] })
  warnings: PlanProblemDto[];

  @ApiProperty({ type: [PlanProblemDto] })
  errors: PlanProblemDto[];

  @ApiProperty({ type: [PlannedTaskViewDto] })
  plannedTasks: PlannedTaskViewDto[];

  @ApiProperty({
    type: PlanKindSuggestionDto,
    description:
      'Loại kế hoạch gợi ý theo tên kế hoạch; khi nhập cần gửi kind (điều chỉnh: xem matchedPlan.kind)',
  })
  suggestedKind: PlanKindSuggestionDto;

  @ApiProperty({
    type: MatchedPlanDto,
    nullable: true,
    description:
      'Kế hoạch đã nhập mà tệp này điều chỉnh (planId, cùng số và năm, hoặc cùng nội dung); null: tạo mới',
  })
  matchedPlan: MatchedPlanDto | null;

  @ApiProperty({
    example: '2026-01-20',
    description: 'Ngày hiện tại của máy chủ (giờ Việt Nam) dùng để xét hạn',
  })
  today: string;

  @ApiProperty({
    example: 43,
    description:
      'Số nhiệm vụ sẽ tạo: mọi nhiệm vụ của kế hoạch mới (dòng nhóm đơn vị tách thành từng nhiệm vụ con), hoặc số nhiệm vụ thêm khi điều chỉnh matchedPlan',
  })
  tasksToCreate: number;

  @ApiProperty({
    example: 0,
    description:
      'Số nhiệm vụ sẽ tạo (hoặc đang chờ mà bản điều chỉnh dời hạn) có hạn trước ngày today: quá hạn ngay khi nhập',
  })
  overdueOnImport: number;
}

export class AddedTaskDto {
  @ApiProperty()
  ordinal: string;

  @ApiProperty({ type: String, nullable: true })
  area: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  sourceRow: number;
}

export class FieldChangeDto implements FieldChange {
  @ApiProperty({ enum: COMPARED_FIELDS })
  field: ComparedField;

  @ApiProperty({ type: String, nullable: true })
  before: string | null;

  @ApiProperty({ type: String, nullable: true })
  after: string | null;
}

export class RemovedTaskDto {
  @ApiProperty({ format: 'uuid' })
  taskId: string;

  @ApiProperty()
  ordinal: string;

  @ApiProperty({ type: String, nullable: true })
  area: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'dang_thuc_hien' })
  state: string;
}

export class ChangedTaskDto extends RemovedTaskDto {
  @ApiProperty({ type: [FieldChangeDto] })
  fields: FieldChangeDto[];
}

export class PlanKindChangeDto implements PlanKindChange {
  @ApiProperty({ enum: PLAN_KINDS })
  before: PlanKind;

  @ApiProperty({ enum: PLAN_KINDS })
  after: PlanKind;
}

export class PlanDiffViewDto implements PlanDiffView {
  @ApiProperty({ type: [AddedTaskDto] })
  added: AddedTaskDto[];

  @ApiProperty({ type: [ChangedTaskDto] })
  changed: ChangedTaskDto[];

  @ApiProperty({ type: [RemovedTaskDto] })
  removed: RemovedTaskDto[];

  @ApiProperty({ description: 'Số nhiệm vụ không đổi' })
  unchanged: number;

  @ApiProperty({
    type: PlanKindChangeDto,
    description: 'Loại kế hoạch đã lưu và sau khi áp dụng (khác nhau chỉ khi gửi kind khác)',
  })
  kind: PlanKindChangeDto;
}

/** A new plan, written with its areas and tasks. */
export class PlanCreatedDto implements Extract<ImportOutcome, { status: 'created' }> {
  @ApiProperty({ enum: ['created'] })
  status: 'created';

  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ description: 'Số lĩnh vực' })
  areas: number;

  @ApiProperty({ description: 'Số nhiệm vụ đã tạo' })
  tasks: number;

  @ApiProperty({ type: [PlanProblemDto] })
  warnings: PlanProblemDto[];
}

/** A plan imported before: its diff (`diff`, nothing written; confirm to apply) or `amended`. */
export class PlanAmendmentDto implements Exclude<ImportOutcome, { status: 'created' }> {
  @ApiProperty({ enum: ['diff', 'amended'] })
  status: 'diff' | 'amended';

  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty()
  revision: number;

  @ApiProperty({ type: PlanDiffViewDto })
  diff: PlanDiffViewDto;

  @ApiProperty({ type: [PlanProblemDto] })
  warnings: PlanProblemDto[];
}
