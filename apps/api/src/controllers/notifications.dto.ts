import { ApiProperty } from '@nestjs/swagger';
import { NotificationEntity } from '@cchc/database';

/** A message for the signed-in user (newest first in the list). */
export class NotificationDto implements NotificationEntity {
  @ApiProperty({ example: '128' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'Khóa chống gửi trùng' })
  dedupeKey: string;

  @ApiProperty({ example: 'task.reminder' })
  topic: string;

  @ApiProperty({ example: 'task' })
  subjectType: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({ example: 'Nhiệm vụ sắp đến hạn' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  readAt: Date | null;
}
