import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { AuthUser, actorOf, CurrentUser, Roles } from '@cchc/auth';
import { CalendarService, YearView } from '@cchc/calendar-store';
import { ISO_DATE, ISO_DATE_MESSAGE } from '@cchc/tasks';

class NamedDayDto {
  @ApiProperty({ example: '2026-02-16' })
  @Matches(ISO_DATE, { message: `date ${ISO_DATE_MESSAGE}` })
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)' })
  @IsString()
  @IsNotEmpty({ message: 'name (tên ngày nghỉ) không được để trống' })
  name: string;
}

class YearScheduleDto {
  @ApiProperty({ type: [NamedDayDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NamedDayDto)
  daysOff: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NamedDayDto)
  makeUpWorkdays: NamedDayDto[];

  @ApiProperty({ example: 'Thông báo số .../TB-BNV' })
  @IsString()
  @IsNotEmpty({ message: 'source (văn bản công bố lịch nghỉ) không được để trống' })
  source: string;
}

class AddWorkdaysQuery {
  @Matches(ISO_DATE, { message: `date ${ISO_DATE_MESSAGE}` })
  date: string;

  @Type(() => Number)
  @IsInt({ message: 'n phải là số nguyên' })
  @Min(0)
  n: number;
}

const yearParam = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('years/:year')
  year(@Param('year', yearParam) year: number): Promise<YearView> {
    return this.calendar.year(year);
  }

  @Roles('coordinator')
  @Put('years/:year')
  replace(
    @CurrentUser() user: AuthUser,
    @Param('year', yearParam) year: number,
    @Body() dto: YearScheduleDto,
  ): Promise<YearView> {
    return this.calendar.replaceYear(year, dto, actorOf(user));
  }

  @Get('workdays/add')
  async addWorkdays(
    @Query() query: AddWorkdaysQuery,
  ): Promise<{ date: string; n: number; result: string }> {
    const calendar = await this.calendar.workingCalendar();
    return { date: query.date, n: query.n, result: calendar.addWorkingDays(query.date, query.n) };
  }
}
