import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsText, PLANNABLE_RANGE, TEXT_MAX_LENGTH } from '@cchc/common';
import { DOSSIER_EVENT_TYPES, DossierEventType } from '@cchc/domain';

const USER_EVENT_TYPES = DOSSIER_EVENT_TYPES.filter((type) => type !== 'APPOINTMENT_MISSED');

const needs =
  (...types: DossierEventType[]) =>
  (dto: DossierEventDto) =>
    types.includes(dto.type);

/**
 * An event sent to a dossier by a user. Working-day figures (remaining days when the clock
 * stops, the appointment when it restarts) are computed by the server with the calendar.
 */
export class DossierEventDto {
  @ApiProperty({ enum: USER_EVENT_TYPES })
  @IsIn(USER_EVENT_TYPES, { message: `type phải là một trong: ${USER_EVENT_TYPES.join(', ')}` })
  type: Exclude<DossierEventType, 'APPOINTMENT_MISSED'>;

  @ApiProperty({ description: 'Phiên bản hồ sơ mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;

  @ApiPropertyOptional({
    description:
      'Lý do / nội dung (bắt buộc với REQUEST_SUPPLEMENT, REPORT_DELAY, REJECT, WITHDRAW; ' +
      'với APPROVE_APOLOGY là lý do in trên phiếu)',
  })
  @ValidateIf(
    (dto: DossierEventDto) =>
      needs('REQUEST_SUPPLEMENT', 'REPORT_DELAY', 'REJECT', 'WITHDRAW')(dto) ||
      dto.reason !== undefined,
  )
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ description: 'Ngày hẹn trả đề xuất (bắt buộc với REPORT_DELAY)' })
  @ValidateIf(needs('REPORT_DELAY'))
  @IsCalendarDate(PLANNABLE_RANGE)
  proposedDate?: string;

  @ApiPropertyOptional({
    description: 'Ngày hẹn trả mới khi ký phiếu xin lỗi (mặc định: ngày trên dự thảo)',
  })
  @IsOptional()
  @IsCalendarDate(PLANNABLE_RANGE)
  newAppointmentDate?: string;
}
