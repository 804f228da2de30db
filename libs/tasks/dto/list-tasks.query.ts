import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  IsCalendarDate,
  IsNotBefore,
  IsStrictBoolean,
  IsText,
  KeysetPageQuery,
} from '@cchc/common';
import { TASK_STATES, TaskState } from '@cchc/domain';

export class ListTasksQuery extends KeysetPageQuery {
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

  @ApiPropertyOptional({ description: 'Nhiệm vụ của một kế hoạch' })
  @IsOptional()
  @IsUUID('all', { message: 'planId phải là UUID' })
  planId?: string;

  @ApiPropertyOptional({ description: 'Lĩnh vực (mục) của kế hoạch, ví dụ I', maxLength: 16 })
  @IsOptional()
  @IsText(16)
  areaCode?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: chỉ nhiệm vụ quá hạn (trạng thái quá hạn hoặc đã qua hạn mà chưa xong)',
  })
  @IsOptional()
  @IsStrictBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('dueAfter')
  dueBefore?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'Tìm trong tiêu đề và nội dung', maxLength: 500 })
  @IsOptional()
  @IsText(500)
  text?: string;
}
