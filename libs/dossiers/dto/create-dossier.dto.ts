import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsNestedObject, IsText, IsVietnamInstant } from '@cchc/common';

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Thị Mai' })
  @IsText(255)
  name: string;

  @ApiPropertyOptional({ example: 'Số 12 phố Trần Hưng Đạo' })
  @IsOptional()
  @IsText(500, { allowBlank: true })
  address?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'applicant.phone không phải số điện thoại' })
  phone?: string;

  @ApiPropertyOptional({ example: 'mai@example.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'applicant.email không phải địa chỉ thư điện tử' })
  @MaxLength(255, { message: 'applicant.email dài quá 255 ký tự' })
  email?: string;
}

/** A dossier as the one-stop system sends it; the appointment is computed, not sent. */
export class CreateDossierDto {
  @ApiProperty({ example: 'H31.29-260212-0001', description: 'Mã hồ sơ của hệ thống một cửa' })
  @IsText(64)
  @Matches(/^[^\s/]{1,64}$/, {
    message: 'code (mã hồ sơ) phải có 1–64 ký tự, không có khoảng trắng hay dấu /',
  })
  code: string;

  @ApiProperty({ example: '1.001193', description: 'Mã thủ tục trong danh mục của phường' })
  @IsText(64)
  procedureCode: string;

  @ApiProperty({ type: ApplicantDto })
  @IsDefined({ message: 'applicant (người nộp hồ sơ) là bắt buộc' })
  @IsNestedObject(() => ApplicantDto)
  applicant: ApplicantDto;

  @ApiProperty({
    example: '2026-02-12T09:30:00+07:00',
    description:
      'Thời điểm tiếp nhận (ISO 8601, YYYY-MM-DD[THH:mm[:ss]][múi giờ]; không ghi múi giờ thì hiểu là giờ Việt Nam)',
  })
  @IsVietnamInstant({
    message:
      'receivedAt phải là thời điểm ISO 8601, ví dụ 2026-02-12T09:30:00+07:00 (không ghi múi giờ thì hiểu là giờ Việt Nam)',
  })
  receivedAt: string;
}
