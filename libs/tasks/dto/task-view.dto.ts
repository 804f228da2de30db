import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExtensionRequest, IsoDate, TASK_STATES, TaskState } from '@cchc/domain';
import { TaskView } from '../task-view';

export class ExtensionRequestDto implements ExtensionRequest {
  @ApiProperty({ type: String, example: '2026-04-30' })
  proposedDueDate: IsoDate;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  requestedBy: string | null;

  @ApiProperty({ type: String, example: '2026-03-02' })
  requestedOn: IsoDate;
}

/** The OpenAPI schema of a task as the API shows it (TaskView). */
export class TaskViewDto implements TaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  content: string;

  @ApiProperty({ format: 'uuid' })
  leadUnitId: string;

  @ApiProperty({ type: [String] })
  coordinatingUnitIds: string[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  leaderId: string | null;

  @ApiProperty({ type: String, nullable: true })
  product: string | null;

  @ApiProperty({ type: String, nullable: true })
  requirement: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' })
  dueDate: IsoDate | null;

  @ApiProperty({ enum: TASK_STATES })
  state: TaskState;

  @ApiProperty({ example: 'Đang thực hiện' })
  stateLabel: string;

  @ApiProperty({ description: 'Báo cáo (hoặc còn mở) sau hạn' })
  late: boolean;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: ExtensionRequestDto, nullable: true })
  extensionRequest: ExtensionRequestDto | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Kế hoạch mà nhiệm vụ được nhập từ đó',
  })
  planId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'II',
    description: 'Mục (lĩnh vực) của kế hoạch chứa dòng nhiệm vụ',
  })
  areaCode: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '8',
    description:
      'STT của nhiệm vụ trong kế hoạch, như dòng kế hoạch ghi; nhiệm vụ của một đơn vị trong dòng giao cho nhóm đơn vị thêm mã đơn vị ("8:VHXH")',
  })
  ordinal: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Sự kiện người dùng được gửi lúc này (chỉ ở GET /tasks/:id và sau một sự kiện)',
  })
  allowedEvents?: string[];
}
