import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  IsCalendarDate,
  IsNotBefore,
  IsStrictBoolean,
  IsText,
  KeysetPageQuery,
} from '@cchc/common';
import { APOLOGY_STATUSES, ApologyStatus, DOSSIER_STATES, DossierState } from '@cchc/domain';
import { SEARCH_MAX_LENGTH } from '../dossier-search';

export class ListDossiersQuery extends KeysetPageQuery {
  @ApiPropertyOptional({
    description:
      'Tìm theo mã hồ sơ (một từ có chữ số: đúng mã hoặc phần đầu mã) hoặc họ tên người nộp ' +
      '(phần đầu họ tên, không phân biệt hoa thường, có dấu hay không: "nguyen van a" tìm ' +
      'được "Nguyễn Văn An")',
    maxLength: SEARCH_MAX_LENGTH,
    example: 'nguyen van a',
  })
  @IsOptional()
  @IsText(SEARCH_MAX_LENGTH, { allowBlank: true })
  q?: string;

  @ApiPropertyOptional({ enum: DOSSIER_STATES })
  @IsOptional()
  @IsIn(DOSSIER_STATES, { message: `state phải là một trong: ${DOSSIER_STATES.join(', ')}` })
  state?: DossierState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'handlingUnitId phải là UUID' })
  handlingUnitId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: chỉ hồ sơ đang quá hạn hẹn trả' })
  @IsOptional()
  @IsStrictBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'Tiếp nhận từ ngày' })
  @IsOptional()
  @IsCalendarDate()
  receivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-02-28', description: 'Tiếp nhận đến ngày' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('receivedFrom')
  receivedTo?: string;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'Hẹn trả từ ngày' })
  @IsOptional()
  @IsCalendarDate()
  appointmentFrom?: string;

  @ApiPropertyOptional({ example: '2026-02-28', description: 'Hẹn trả đến ngày' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('appointmentFrom')
  appointmentTo?: string;

  @ApiPropertyOptional({
    enum: APOLOGY_STATUSES,
    description: 'none: chưa có phiếu xin lỗi; pending: phiếu chờ ký; signed: đã ký hết',
  })
  @IsOptional()
  @IsIn(APOLOGY_STATUSES, {
    message: `apology phải là một trong: ${APOLOGY_STATUSES.join(', ')}`,
  })
  apology?: ApologyStatus;
}
