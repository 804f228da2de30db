import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { actorOf, AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import { contentDisposition } from '@cchc/dossiers';
import {
  CompileReportDto,
  ContributionEventDto,
  ContributionService,
  OpenReportDto,
  ReportCalendarService,
  ReportDocumentQuery,
  ReportDownloadService,
  ReportEventDto,
  ReportingCalendarDto,
  ReportPeriod,
  ReportPeriodQuery,
  ReportService,
  ReportSummary,
  ReportView,
} from '@cchc/reports';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';
import {
  ReportingCalendarViewDto,
  ReportPeriodDto,
  ReportSummaryDto,
  ReportViewDto,
} from './reports.dto';

const reportUuid = uuidParam('id', 'của báo cáo');
const contributionUuid = uuidParam('contributionId', 'của báo cáo đóng góp');

@ApiTags('reports')
@ApiSignedIn()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly calendars: ReportCalendarService,
    private readonly reports: ReportService,
    private readonly contributions: ContributionService,
    private readonly downloads: ReportDownloadService,
  ) {}

  @ApiOperation({ summary: 'Lịch báo cáo định kỳ của phường (ngày chốt số liệu, các hạn)' })
  @ApiOkResponse({ type: ReportingCalendarViewDto })
  @Get('calendar')
  async calendar(@CurrentUser() user: AuthUser): Promise<ReportingCalendarViewDto> {
    const { rules, preset } = await this.calendars.rulesOf(user.wardId);
    return { ...rules, preset };
  }

  @ApiOperation({ summary: 'Đặt lịch báo cáo định kỳ riêng của phường' })
  @ApiOkResponse({ type: ReportingCalendarViewDto })
  @ApiErrors(400, 403)
  @Roles('coordinator')
  @Put('calendar')
  async replaceCalendar(
    @CurrentUser() user: AuthUser,
    @Body() dto: ReportingCalendarDto,
  ): Promise<ReportingCalendarViewDto> {
    const { rules, preset } = await this.calendars.replace(user.wardId, dto, actorOf(user));
    return { ...rules, preset };
  }

  @ApiOperation({ summary: 'Trở lại lịch báo cáo theo hướng dẫn của Bộ Nội vụ' })
  @ApiOkResponse({ type: ReportingCalendarViewDto })
  @ApiErrors(403)
  @Roles('coordinator')
  @Delete('calendar')
  async resetCalendar(@CurrentUser() user: AuthUser): Promise<ReportingCalendarViewDto> {
    const { rules, preset } = await this.calendars.reset(user.wardId, actorOf(user));
    return { ...rules, preset };
  }

  @ApiOperation({ summary: 'Kỳ báo cáo theo lịch của phường: từ ngày, ngày chốt, các hạn' })
  @ApiOkResponse({ type: ReportPeriodDto })
  @ApiErrors(400)
  @Get('periods')
  period(@CurrentUser() user: AuthUser, @Query() query: ReportPeriodQuery): Promise<ReportPeriod> {
    return this.calendars.period(user.wardId, query);
  }

  @ApiOperation({
    summary: 'Mở kỳ báo cáo: tạo báo cáo và đề nghị mọi đơn vị chủ trì nhiệm vụ gửi báo cáo',
  })
  @ApiCreatedResponse({ type: ReportViewDto })
  @ApiErrors(400, 403, 409)
  @Roles('coordinator')
  @Post()
  open(@CurrentUser() user: AuthUser, @Body() dto: OpenReportDto): Promise<ReportView> {
    return this.reports.open(user, dto);
  }

  @ApiOperation({ summary: 'Các báo cáo định kỳ của phường' })
  @ApiOkResponse({ type: [ReportSummaryDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ReportSummary[]> {
    return this.reports.list(user);
  }

  @ApiOperation({ summary: 'Một báo cáo: trạng thái, báo cáo đóng góp, các lần tổng hợp, lịch sử' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 404)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', reportUuid) id: string): Promise<ReportView> {
    return this.reports.get(user, id);
  }

  @ApiOperation({ summary: 'Tổng hợp số liệu tính đến ngày chốt (một lần tổng hợp mới)' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/compile')
  @HttpCode(200)
  compile(
    @CurrentUser() user: AuthUser,
    @Param('id', reportUuid) id: string,
    @Body() dto: CompileReportDto,
  ): Promise<ReportView> {
    return this.reports.compile(user, id, dto);
  }

  @ApiOperation({ summary: 'Chuyển bước báo cáo: trình, duyệt, ký, gửi, trả lại' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/events')
  @HttpCode(200)
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', reportUuid) id: string,
    @Body() dto: ReportEventDto,
  ): Promise<ReportView> {
    return this.reports.sendEvent(user, id, dto);
  }

  @ApiOperation({ summary: 'Đơn vị gửi, điều phối viên tiếp nhận hoặc trả lại báo cáo đóng góp' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/contributions/:contributionId/events')
  @HttpCode(200)
  async contribute(
    @CurrentUser() user: AuthUser,
    @Param('id', reportUuid) id: string,
    @Param('contributionId', contributionUuid) contributionId: string,
    @Body() dto: ContributionEventDto,
  ): Promise<ReportView> {
    await this.contributions.sendEvent(user, id, contributionId, dto);
    return this.reports.get(user, id);
  }

  @ApiOperation({
    summary: 'Tải báo cáo (DOCX), phụ lục (XLSX) hoặc dữ liệu (JSON) của một lần tổng hợp',
  })
  @ApiFile(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  )
  @ApiErrors(400, 404)
  @Get(':id/document')
  async document(
    @CurrentUser() user: AuthUser,
    @Param('id', reportUuid) id: string,
    @Query() query: ReportDocumentQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.downloads.document(user.wardId, id, query);
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    return new StreamableFile(file.data, { type: file.mediaType });
  }
}
