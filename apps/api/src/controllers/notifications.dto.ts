import { ApiProperty } from '@nestjs/swagger';
import { NotificationEntity } from '@cchc/database';
import { KeysetPageDto } from './keyset-page.dto';

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

/** One page of the user's notifications, newest first. */
export class NotificationPageDto extends KeysetPageDto(NotificationDto, {
  total: 'Số thông báo khớp bộ lọc, đếm tới 1000 (totalCapped: còn nhiều hơn)',
  totalCapped: 'true: hơn `total` thông báo',
  nextCursor: 'Truyền vào cursor để lấy trang kế tiếp (cũ hơn); null ở trang cuối',
}) {}

/** What the console's bell polls: the unread count and the latest notifications. */
export class NotificationSummaryDto {
  @ApiProperty({
    example: 3,
    description: 'Số thông báo chưa đọc, đếm tới 1000 (unreadCapped: còn nhiều hơn)',
  })
  unread: number;

  @ApiProperty({ description: 'true: hơn `unread` thông báo chưa đọc' })
  unreadCapped: boolean;

  @ApiProperty({ type: [NotificationDto], description: '30 thông báo mới nhất, mới nhất trước' })
  latest: NotificationDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Truyền vào cursor của GET /notifications để xem các thông báo cũ hơn `latest`; null khi không còn',
  })
  olderCursor: string | null;
}
