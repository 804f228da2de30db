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
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import { contentDisposition } from '@cchc/dossiers';
import {
  AssignRemediationDto,
  CampaignDocument,
  CampaignDocumentsService,
  CampaignListQuery,
  CampaignService,
  CampaignSummaryView,
  CampaignView,
  ChecklistService,
  ChecklistTemplateDto,
  ChecklistTemplateView,
  ConcludeDto,
  CreateCampaignDto,
  FindingService,
  FinishVisitDto,
  InspectionFigures,
  InspectionStats,
  ReasonDto,
  RecordChecklistDto,
  RecordFindingDto,
  StatsYearQuery,
  VersionDto,
  VisitService,
} from '@cchc/inspections';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const campaignId = uuidParam('id', 'của đợt kiểm tra');
const unitId = uuidParam('unitId', 'của đơn vị');
const findingId = uuidParam('findingId', 'của tồn tại, hạn chế');

function download(response: Response, document: CampaignDocument): StreamableFile {
  response.setHeader('Content-Disposition', contentDisposition(document.fileName));
  return new StreamableFile(document.data, { type: DOCX });
}

@ApiTags('inspections')
@ApiSignedIn()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly checklists: ChecklistService,
    private readonly visits: VisitService,
    private readonly findings: FindingService,
    private readonly documents: CampaignDocumentsService,
  ) {}

  @ApiOperation({ summary: 'Danh mục nội dung kiểm tra của phường (hoặc mẫu mặc định)' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  @Get('checklist')
  checklist(@CurrentUser() user: AuthUser): Promise<ChecklistTemplateView> {
    return this.checklists.get(user.wardId);
  }

  @ApiOperation({ summary: 'Sửa danh mục nội dung kiểm tra của phường' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  @ApiErrors(400, 403)
  @Roles('coordinator', 'inspector')
  @Put('checklist')
  putChecklist(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChecklistTemplateDto,
  ): Promise<ChecklistTemplateView> {
    return this.checklists.put(user, dto);
  }

  @ApiOperation({ summary: 'Khôi phục danh mục nội dung kiểm tra mặc định' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  @ApiErrors(403)
  @Roles('coordinator', 'inspector')
  @Delete('checklist')
  resetChecklist(@CurrentUser() user: AuthUser): Promise<ChecklistTemplateView> {
    return this.checklists.reset(user);
  }

  @ApiOperation({
    summary: 'Lập kế hoạch một đợt kiểm tra (quyết định, đoàn, đơn vị được kiểm tra)',
  })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiErrors(400, 403)
  @Roles('chairman', 'coordinator', 'inspector')
  @Post('campaigns')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, dto);
  }

  @ApiOperation({ summary: 'Các đợt kiểm tra người dùng được xem' })
  @ApiOkResponse({ type: [CampaignSummaryView] })
  @ApiErrors(400)
  @Get('campaigns')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: CampaignListQuery,
  ): Promise<CampaignSummaryView[]> {
    return this.campaigns.list(user, query);
  }

  @ApiOperation({ summary: 'Một đợt kiểm tra: phạm vi, lượt kiểm tra, kết quả, tồn tại' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 404)
  @Get('campaigns/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', campaignId) id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  @ApiOperation({ summary: 'Trưởng đoàn bắt đầu đợt kiểm tra' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/start')
  @HttpCode(200)
  start(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Body() dto: VersionDto,
  ): Promise<CampaignView> {
    return this.visits.startCampaign(user, id, dto);
  }

  @ApiOperation({ summary: 'Bắt đầu kiểm tra tại một đơn vị' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/visits/:unitId/start')
  @HttpCode(200)
  startVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('unitId', unitId) unit: string,
    @Body() dto: VersionDto,
  ): Promise<CampaignView> {
    return this.visits.start(user, id, unit, dto);
  }

  @ApiOperation({ summary: 'Ghi kết quả kiểm tra từng nội dung (đạt / không đạt / ghi chú)' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Put('campaigns/:id/visits/:unitId/checklist')
  checklistResults(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('unitId', unitId) unit: string,
    @Body() dto: RecordChecklistDto,
  ): Promise<CampaignView> {
    return this.visits.recordChecklist(user, id, unit, dto);
  }

  @ApiOperation({ summary: 'Hoàn thành kiểm tra tại một đơn vị (ngày kiểm tra)' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/visits/:unitId/finish')
  @HttpCode(200)
  finishVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('unitId', unitId) unit: string,
    @Body() dto: FinishVisitDto,
  ): Promise<CampaignView> {
    return this.visits.finish(user, id, unit, dto);
  }

  @ApiOperation({ summary: 'Biên bản kiểm tra tại đơn vị (DOCX)' })
  @ApiFile(DOCX)
  @ApiErrors(400, 404, 409)
  @Get('campaigns/:id/visits/:unitId/minutes.docx')
  async minutes(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('unitId', unitId) unit: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return download(response, await this.documents.minutes(user, id, unit));
  }

  @ApiOperation({ summary: 'Ghi nhận một tồn tại, hạn chế' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/findings')
  @HttpCode(200)
  recordFinding(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Body() dto: RecordFindingDto,
  ): Promise<CampaignView> {
    return this.findings.record(user, id, dto);
  }

  @ApiOperation({ summary: 'Giao nhiệm vụ khắc phục tồn tại cho đơn vị được kiểm tra' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/findings/:findingId/task')
  @HttpCode(200)
  assignTask(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('findingId', findingId) finding: string,
    @Body() dto: AssignRemediationDto,
  ): Promise<CampaignView> {
    return this.findings.assignTask(user, id, finding, dto);
  }

  @ApiOperation({ summary: 'Báo cáo Chủ tịch một tồn tại, hạn chế' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/findings/:findingId/escalate')
  @HttpCode(200)
  escalate(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('findingId', findingId) finding: string,
    @Body() dto: ReasonDto,
  ): Promise<CampaignView> {
    return this.findings.escalate(user, id, finding, dto);
  }

  @ApiOperation({ summary: 'Chủ tịch kết thúc xử lý một tồn tại, hạn chế (nêu lý do)' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/findings/:findingId/close')
  @HttpCode(200)
  closeFinding(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Param('findingId', findingId) finding: string,
    @Body() dto: ReasonDto,
  ): Promise<CampaignView> {
    return this.findings.close(user, id, finding, dto);
  }

  @ApiOperation({ summary: 'Chủ tịch ký thông báo kết luận kiểm tra' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/conclude')
  @HttpCode(200)
  conclude(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Body() dto: ConcludeDto,
  ): Promise<CampaignView> {
    return this.findings.conclude(user, id, dto);
  }

  @ApiOperation({ summary: 'Thông báo kết luận kiểm tra (DOCX), Chủ tịch ký' })
  @ApiFile(DOCX)
  @ApiErrors(400, 404, 409)
  @Get('campaigns/:id/conclusion.docx')
  async conclusion(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return download(response, await this.documents.notice(user, id));
  }

  @ApiOperation({
    summary: 'Kết thúc đợt kiểm tra (khi mọi tồn tại đã được khắc phục hoặc kết thúc)',
  })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(400, 403, 404, 409)
  @Post('campaigns/:id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', campaignId) id: string,
    @Body() dto: VersionDto,
  ): Promise<CampaignView> {
    return this.findings.closeCampaign(user, id, dto);
  }
}

@ApiTags('inspections')
@ApiSignedIn()
@Controller('stats')
export class InspectionStatsController {
  constructor(private readonly stats: InspectionStats) {}

  /** Scoped as the campaigns are (inspection-scope.ts): a unit's staff get their unit's only. */
  @ApiOperation({
    summary:
      'Số liệu kiểm tra: đơn vị được kiểm tra, tồn tại đã khắc phục, quá hạn, theo đơn vị (trong phạm vi người dùng được xem)',
  })
  @ApiOkResponse({ type: InspectionFigures })
  @ApiErrors(400, 403)
  @Get('inspections')
  inspections(
    @CurrentUser() user: AuthUser,
    @Query() query: StatsYearQuery,
  ): Promise<InspectionFigures> {
    return this.stats.forUser(user, `${query.year}-01-01`, `${query.year}-12-31`);
  }
}
