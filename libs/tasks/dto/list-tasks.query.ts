import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { TASK_STATES, TaskState } from '@cchc/domain';
import { ISO_DATE, ISO_DATE_MESSAGE } from './create-task.dto';

export class ListTasksQuery {
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

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 20, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 20;
}
