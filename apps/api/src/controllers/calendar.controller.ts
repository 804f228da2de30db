import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min } from 'class-validator';
import { AuthUser, actorOf, CurrentUser, Roles } from '@cchc/auth';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR } from '@cchc/calendar';
import { CalendarService, YearView } from '@cchc/calendar-store';
import { IsCalendarDate, IsNestedList, IsText } from '@cchc/common';
import { CalendarEditService } from '@cchc/escalations';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { NamedDayDto, WorkdaysResultDto, YearViewDto } from './calendar.dto';

/** More working days than ten years hold; beyond the calendar's last year the answer is a 400. */
const MAX_WORKDAYS = 2500;

class YearScheduleDto {
  @ApiProperty({ type: [NamedDayDto] })
  @IsArray({ message: 'daysOff phải là danh sách' })
  @ArrayMaxSize(366, { message: 'daysOff có tối đa 366 ngày' })
  @IsNestedList(() => NamedDayDto)
  daysOff: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto] })
  @IsArray({ message: 'makeUpWorkdays phải là danh sách' })
  @ArrayMaxSize(366, { message: 'makeUpWorkdays có tối đa 366 ngày' })
  @IsNestedList(() => NamedDayDto)
  makeUpWorkdays: NamedDayDto[];

  @ApiProperty({ example: 'Thông báo số .../TB-BNV', maxLength: 500 })
  @IsText(500)
  source: string;
}

const YEAR_RANGE_MESSAGE = `year phải là năm từ ${LUNAR_FIRST_YEAR} đến ${LUNAR_LAST_YEAR}`;

class YearParams {
  @ApiProperty({ example: 2026, minimum: LUNAR_FIRST_YEAR, maximum: LUNAR_LAST_YEAR })
  @Type(() => Number)
  @IsInt({ message: YEAR_RANGE_MESSAGE })
  @Min(LUNAR_FIRST_YEAR, { message: YEAR_RANGE_MESSAGE })
  @Max(LUNAR_LAST_YEAR, { message: YEAR_RANGE_MESSAGE })
  year: number;
}

class AddWorkdaysQuery {
  @ApiProperty({ example: '2026-02-12' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 5, minimum: 0, maximum: MAX_WORKDAYS })
  @Type(() => Number)
  @IsInt({ message: 'n phải là số nguyên' })
  @Min(0, { message: 'n không được âm' })
  @Max(MAX_WORKDAYS, { message: `n tối đa ${MAX_WORKDAYS} ngày làm việc` })
  n: number;
}

@ApiTags('calendar')
@ApiSignedIn()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly edits: CalendarEditService,
  ) {}

  @ApiOperation({ summary: 'Lịch làm việc của một năm (ngày nghỉ, ngày làm bù)' })
  @ApiOkResponse({ type: YearViewDto })
  @ApiErrors(400)
  @Get('years/:year')
  year(@Param() { year }: YearParams): Promise<YearView> {
    return this.calendar.year(year);
  }

  @ApiOperation({ summary: 'Thay lịch nghỉ của một năm (quản trị hệ thống)' })
  @ApiOkResponse({ type: YearViewDto })
  @ApiErrors(400, 403)
  @Roles('system_admin')
  @Put('years/:year')
  replace(
    @CurrentUser() user: AuthUser,
    @Param() { year }: YearParams,
    @Body() dto: YearScheduleDto,
  ): Promise<YearView> {
    return this.edits.replaceYear(year, dto, actorOf(user));
  }

  @ApiOperation({ summary: 'Cộng n ngày làm việc vào một ngày' })
  @ApiOkResponse({ type: WorkdaysResultDto })
  @ApiErrors(400)
  @Get('workdays/add')
  async addWorkdays(@Query() query: AddWorkdaysQuery): Promise<WorkdaysResultDto> {
    const calendar = await this.calendar.workingCalendar();
    return { date: query.date, n: query.n, result: calendar.addWorkingDays(query.date, query.n) };
  }
}
