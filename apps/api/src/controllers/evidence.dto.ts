import { ApiProperty } from '@nestjs/swagger';
import { EvidenceView } from '@cchc/evidence';

/** An evidence file of a task's report or of the ward (GET /evidence/:id downloads it). */
export class EvidenceViewDto implements EvidenceView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Nhiệm vụ có báo cáo kèm tệp; null: tệp của phường (số liệu chỉ tiêu, điểm Chỉ số CCHC)',
  })
  taskId: string | null;

  @ApiProperty({ example: 'Báo cáo quý I.pdf', description: 'Tên tệp gốc' })
  name: string;

  @ApiProperty({
    example: 'application/pdf',
    description: 'Kiểu nội dung, xác định theo nội dung tệp',
  })
  mediaType: string;

  @ApiProperty({ description: 'Kích thước (byte)' })
  size: number;

  @ApiProperty({ description: 'SHA-256 của nội dung (hex)' })
  sha256: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty()
  uploadedAt: Date;
}
