import { ApiProperty } from '@nestjs/swagger';
import { DeadLetter } from '@cchc/queue';

export class DeadLetterDto implements DeadLetter {
  @ApiProperty({ example: '42', description: 'Mã dòng outbox' })
  id: string;

  @ApiProperty({ example: 'task-timers' })
  queue: string;

  @ApiProperty({ example: 'plan' })
  jobName: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: Record<string, unknown>;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  deadAt: Date;
}

export class RetriedDto {
  @ApiProperty({ type: [String], description: 'Mã các dòng outbox được gửi lại' })
  retried: string[];
}
