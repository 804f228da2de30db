import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@cchc/common';
import { TASK_STATES, TaskState } from '@cchc/domain';
import { ISO_DATE, ISO_DATE_MESSAGE } from './create-task.dto';

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TASK_STATES })
  @IsOptional()
  @IsIn(TASK_STATES, { message: `state phải là một trong: ${TASK_STATES.join(', ')}` })
  state?: TaskState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'leadUnitId phải là UUID' })
  leadUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'leaderId phải là UUID' })
  leaderId?: string;

  @ApiPropertyOptional({
    description: 'true: chỉ nhiệm vụ quá hạn (trạng thái quá hạn hoặc đã qua hạn mà chưa xong)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue phải là true hoặc false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @Matches(ISO_DATE, { message: `dueBefore ${ISO_DATE_MESSAGE}` })
  dueBefore?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: `dueAfter ${ISO_DATE_MESSAGE}` })
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'Tìm trong tiêu đề và nội dung' })
  @IsOptional()
  @IsString()
  text?: string;
}
