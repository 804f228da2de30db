import { ApiProperty } from '@nestjs/swagger';
import { HolidayListing, NamedDay, ScheduleSource, YearSchedule } from '@cchc/calendar';
import { YearView } from '@cchc/calendar-store';
import { IsCalendarDate, IsText } from '@cchc/common';

const SCHEDULE_SOURCES: ScheduleSource[] = ['official', 'statutory'];

export class NamedDayDto implements NamedDay {
  @ApiProperty({ example: '2026-02-16' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', maxLength: 255 })
  @IsText(255)
  name: string;
}

export class YearScheduleViewDto implements YearSchedule {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ type: [NamedDayDto], description: 'Ngày nghỉ (lễ, Tết, nghỉ bù, hoán đổi)' })
  daysOff: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto], description: 'Thứ Bảy, Chủ nhật làm bù' })
  makeUpWorkdays: NamedDayDto[];

  @ApiProperty({ example: 'Thông báo số .../TB-BNV' })
  source: string;
}

export class HolidayListingDto implements HolidayListing {
  @ApiProperty({ example: '2026-02-17' })
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán Bính Ngọ (mùng 1)' })
  name: string;

  @ApiProperty({ enum: ['day-off', 'make-up-workday'] })
  kind: 'day-off' | 'make-up-workday';

  @ApiProperty({ enum: SCHEDULE_SOURCES })
  source: ScheduleSource;

  @ApiProperty({ description: 'Văn bản hoặc điều luật' })
  reference: string;
}

/** A year's working calendar: its schedule and every day off or made up. */
export class YearViewDto implements YearView {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ description: 'Lịch năm đã được quản trị viên sửa' })
  edited: boolean;

  @ApiProperty({ enum: SCHEDULE_SOURCES })
  source: ScheduleSource;

  @ApiProperty({ type: YearScheduleViewDto })
  schedule: YearScheduleViewDto;

  @ApiProperty({ type: [HolidayListingDto] })
  holidays: HolidayListingDto[];
}

export class WorkdaysResultDto {
  @ApiProperty({ example: '2026-02-12' })
  date: string;

  @ApiProperty({ example: 5 })
  n: number;

  @ApiProperty({ example: '2026-02-26', description: 'Ngày sau n ngày làm việc' })
  result: string;
}
