import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam, vietnamInstant, YearParam } from '@cchc/common';
import { contentDisposition } from '@cchc/dossiers';
import { EVIDENCE_MEDIA_TYPES } from '@cchc/evidence';
import { AssessmentView, PAR_YEARS, ParAssessmentService, ParExportService } from '@cchc/par-index';
import { PlanSummary, PlansService } from '@cchc/plans';
import { ProvinceService, ProvinceWardView, RankingsQuery, RankingsView } from '@cchc/province';
import {
  ReportDocumentQuery,
  ReportDownloadService,
  ReportService,
  ReportSummary,
  ReportView,
} from '@cchc/reports';
import { TargetActuals, TargetActualsQuery, TargetActualsView } from '@cchc/targets';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';
import { PlanSummaryDto } from './plans.dto';
import { ReportSummaryDto, ReportViewDto } from './reports.dto';

const wardUuid = uuidParam('wardId', 'của phường/xã');
const planUuid = uuidParam('planId', 'của kế hoạch');
const evidenceUuid = uuidParam('evidenceId', 'của tệp minh chứng');
const reportUuid = uuidParam('reportId', 'của báo cáo');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The PAR Index years the ward's own routes accept (400 naming `year` outside them). */
const parYear = new YearParam(PAR_YEARS);

/**
 * The province's view (Sở Nội vụ): every ward of the province, read as its own staff read it.
 * Only GET routes: the guard refuses the province officer every write (libs/auth).
 */
@ApiTags('province')
@ApiSignedIn()
@Roles('province_officer')
@Controller('province')
export class ProvinceController {
  constructor(
    private readonly province: ProvinceService,
    private readonly plans: PlansService,
    private readonly actuals: TargetActuals,
    private readonly assessments: ParAssessmentService,
    private readonly reports: ReportService,
    private readonly downloads: ReportDownloadService,
    private readonly parExports: ParExportService,
  ) {}

  @ApiOperation({ summary: 'Các phường/xã của tỉnh/thành phố' })
  @ApiOkResponse({ type: [ProvinceWardView] })
  @ApiErrors(403)
  @Get('wards')
  wards(@CurrentUser() user: AuthUser): Promise<ProvinceWardView[]> {
    return this.province.wards(user);
  }

  @ApiOperation({
    summary:
      'Xếp hạng phường/xã: điểm tự đánh giá Chỉ số CCHC, hồ sơ đúng hạn, phiếu xin lỗi, báo cáo đúng hạn',
  })
  @ApiOkResponse({ type: RankingsView })
  @ApiErrors(400, 403)
  @Get('rankings')
  rankings(@CurrentUser() user: AuthUser, @Query() query: RankingsQuery): Promise<RankingsView> {
    return this.province.rankings(user, query.year);
  }

  @ApiOperation({ summary: 'Các kế hoạch CCHC của một phường/xã' })
  @ApiOkResponse({ type: [PlanSummaryDto] })
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/plans')
  async plansOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
  ): Promise<PlanSummary[]> {
    await this.province.ward(user, wardId);
    return this.plans.list(wardId);
  }

  @ApiOperation({ summary: 'Chỉ tiêu của một kế hoạch của phường/xã với kết quả thực hiện' })
  @ApiOkResponse({ type: TargetActualsView })
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/plans/:planId/targets')
  async targetsOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('planId', planUuid) planId: string,
    @Query() query: TargetActualsQuery,
  ): Promise<TargetActualsView> {
    await this.province.ward(user, wardId);
    return this.actuals.forPlan(wardId, planId, {
      from: query.from,
      to: query.to,
      cutoff: query.cutoff === undefined ? undefined : (vietnamInstant(query.cutoff) as Date),
    });
  }

  @ApiOperation({ summary: 'Tự đánh giá Chỉ số CCHC của một phường/xã' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/par/:year')
  async assessmentOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('year', parYear) year: number,
  ): Promise<AssessmentView> {
    await this.province.ward(user, wardId);
    return this.assessments.assessment(wardId, year);
  }

  @ApiOperation({ summary: 'Xuất kết quả tự đánh giá Chỉ số CCHC của phường/xã ra Excel' })
  @ApiFile(XLSX)
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/par/:year/export.xlsx')
  exportXlsxOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('year', parYear) year: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.parExport(user, wardId, year, 'xlsx', response);
  }

  @ApiOperation({ summary: 'Báo cáo tự đánh giá Chỉ số CCHC của phường/xã (DOCX)' })
  @ApiFile(DOCX)
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/par/:year/export.docx')
  exportDocxOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('year', parYear) year: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.parExport(user, wardId, year, 'docx', response);
  }

  /** Only a file the ward named as evidence (scores, target values, contributions). */
  @ApiOperation({
    summary:
      'Tải tệp minh chứng của phường/xã (điểm tự đánh giá, số liệu chỉ tiêu, đóng góp báo cáo)',
  })
  @ApiFile(...Object.values(EVIDENCE_MEDIA_TYPES))
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/evidence/:evidenceId')
  async evidenceOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('evidenceId', evidenceUuid) evidenceId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.province.evidenceFile(user, wardId, evidenceId);
    response.setHeader('Content-Disposition', file.contentDisposition);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, { type: file.contentType, length: file.size });
  }

  @ApiOperation({ summary: 'Các báo cáo định kỳ của một phường/xã' })
  @ApiOkResponse({ type: [ReportSummaryDto] })
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/reports')
  async reportsOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
  ): Promise<ReportSummary[]> {
    return this.reports.list(await this.province.readerOf(user, wardId));
  }

  @ApiOperation({ summary: 'Một báo cáo định kỳ của phường/xã: nội dung, đóng góp, lịch sử' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/reports/:reportId')
  async reportOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('reportId', reportUuid) reportId: string,
  ): Promise<ReportView> {
    return this.reports.get(await this.province.readerOf(user, wardId), reportId);
  }

  @ApiOperation({
    summary: 'Tải báo cáo (DOCX), phụ lục (XLSX) hoặc dữ liệu (JSON) của phường/xã',
  })
  @ApiFile(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  )
  @ApiErrors(400, 403, 404)
  @Get('wards/:wardId/reports/:reportId/document')
  async documentOf(
    @CurrentUser() user: AuthUser,
    @Param('wardId', wardUuid) wardId: string,
    @Param('reportId', reportUuid) reportId: string,
    @Query() query: ReportDocumentQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const reader = await this.province.readerOf(user, wardId);
    const file = await this.downloads.document(reader.wardId, reportId, query);
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    return new StreamableFile(file.data, { type: file.mediaType });
  }

  private async parExport(
    user: AuthUser,
    wardId: string,
    year: number,
    format: 'xlsx' | 'docx',
    response: Response,
  ): Promise<StreamableFile> {
    const ward = await this.province.ward(user, wardId);
    const file =
      format === 'xlsx'
        ? await this.parExports.xlsx(wardId, year)
        : await this.parExports.docx(wardId, year);
    response.setHeader(
      'Content-Disposition',
      contentDisposition(`chi-so-cchc-${year}-${ward.code}.${format}`),
    );
    return new StreamableFile(file, { type: format === 'xlsx' ? XLSX : DOCX });
  }
}
