import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HistoryEntry } from '@cchc/engine';
import { TaskHistoryEntry } from '@cchc/tasks';

/** One step of an instance's audit history (a task's or a dossier's). */
export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty({ description: 'Số thứ tự trong lịch sử' })
  seq: number;

  @ApiProperty({ example: 'SUBMIT_REPORT' })
  event: string;

  @ApiProperty({ type: String, nullable: true, example: 'dang_thuc_hien' })
  from: string | null;

  @ApiProperty({ example: 'cho_nghiem_thu' })
  to: string;

  @ApiProperty({ type: String, nullable: true, description: 'null: hệ thống (hẹn giờ, việc nền)' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  actorName: string | null;

  @ApiProperty({ example: 'officer' })
  actorRole: string;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  payload: Record<string, unknown> | null;

  @ApiProperty()
  at: Date;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid', description: 'GET /evidence/{id} tải tệp' })
  id: string;

  @ApiProperty({ example: 'Báo cáo quý I.pdf' })
  name: string;
}

/** A task's history entry; one whose event named evidence files lists them. */
export class TaskHistoryEntryDto extends HistoryEntryDto implements TaskHistoryEntry {
  @ApiPropertyOptional({ type: [AttachmentDto] })
  attachments?: AttachmentDto[];
}
