import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { DOSSIER_EVENT_TYPES, DossierEventType } from '@cchc/domain';

const USER_EVENT_TYPES = DOSSIER_EVENT_TYPES.filter((type) => type !== 'APPOINTMENT_MISSED');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  @Min(1)
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
  @IsString()
  @IsNotEmpty({ message: 'reason (lý do) là bắt buộc với thao tác này' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Ngày hẹn trả đề xuất (bắt buộc với REPORT_DELAY)' })
  @ValidateIf(needs('REPORT_DELAY'))
  @Matches(ISO_DATE, { message: 'proposedDate phải là ngày dạng YYYY-MM-DD' })
  proposedDate?: string;

  @ApiPropertyOptional({
    description: 'Ngày hẹn trả mới khi ký phiếu xin lỗi (mặc định: ngày trên dự thảo)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'newAppointmentDate phải là ngày dạng YYYY-MM-DD' })
  newAppointmentDate?: string;
}
