import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { YearParam } from '@cchc/common';
import {
  AssessmentView,
  CriteriaLoadedView,
  CriteriaTreeDto,
  ParAssessmentService,
  ParCriteriaService,
  ParExportService,
  ParLostPointsService,
  readCriteriaFile,
  ReviewDto,
  ScoreDto,
  SurveyResultDto,
  ParSurveyService,
  PAR_YEARS,
  YearOnYearView,
} from '@cchc/par-index';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const parYear = new YearParam(PAR_YEARS);

@ApiTags('par-index')
@ApiSignedIn()
@Controller('par')
export class ParIndexController {
  constructor(
    private readonly criteria: ParCriteriaService,
    private readonly assessments: ParAssessmentService,
    private readonly exports: ParExportService,
    private readonly lostPointsService: ParLostPointsService,
    private readonly surveys: ParSurveyService,
  ) {}

  @ApiOperation({
    summary: 'Nạp bộ tiêu chí Chỉ số CCHC của năm (JSON): thay bộ cũ khi chưa chấm điểm',
  })
  @ApiOkResponse({ type: CriteriaLoadedView })
  @ApiErrors(400, 403, 409)
  @Roles('coordinator')
  @Post('criteria')
  @HttpCode(200)
  load(@CurrentUser() user: AuthUser, @Body() tree: CriteriaTreeDto): Promise<CriteriaLoadedView> {
    return this.criteria.load(user, {
      tree,
      sourceRows: tree.criteria.map((_, index) => index + 1),
    });
  }

  /** XLSX/CSV (code, name, maxPoints, method, metric) with ?issuer=&year=, or a JSON file. */
  @ApiOperation({ summary: 'Nạp bộ tiêu chí Chỉ số CCHC từ tệp XLSX, CSV hoặc JSON' })
  @ApiOkResponse({ type: CriteriaLoadedView })
  @ApiErrors(400, 403, 409, 413)
  @ApiQuery({ name: 'issuer', required: false, description: 'Cơ quan ban hành (tệp XLSX/CSV)' })
  @ApiQuery({ name: 'year', required: false, description: 'Năm (tệp XLSX/CSV)' })
  @Roles('coordinator')
  @Post('criteria/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query('issuer') issuer?: string,
    @Query('year') year?: string,
  ): Promise<CriteriaLoadedView> {
    if (!file)
      throw new BadRequestException(
        'file: cần gửi tệp bộ tiêu chí (trường "file", multipart/form-data)',
      );
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const upload = await readCriteriaFile(
      { fileName, data: file.buffer },
      { issuer, year: year === undefined ? undefined : Number(year) },
    );
    return this.criteria.load(user, upload);
  }

  @ApiOperation({ summary: 'Tự đánh giá Chỉ số CCHC của năm: tiêu chí, điểm, tổng theo lĩnh vực' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiErrors(400, 404)
  @Get(':year')
  assessment(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
  ): Promise<AssessmentView> {
    return this.assessments.assessment(user.wardId, year);
  }

  @ApiOperation({ summary: 'Các tiêu chí bị mất điểm, so với năm trước' })
  @ApiOkResponse({ type: YearOnYearView })
  @ApiErrors(400, 404)
  @Get(':year/lost-points')
  lostPoints(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
  ): Promise<YearOnYearView> {
    return this.lostPointsService.yearOnYear(user.wardId, year);
  }

  @ApiOperation({ summary: 'Xuất kết quả tự đánh giá ra Excel' })
  @ApiFile(XLSX)
  @ApiErrors(400, 404)
  @Get(':year/export.xlsx')
  async exportXlsx(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.xlsx(user.wardId, year);
    response.setHeader('Content-Disposition', `attachment; filename="chi-so-cchc-${year}.xlsx"`);
    return new StreamableFile(file, { type: XLSX });
  }

  @ApiOperation({ summary: 'Báo cáo tự đánh giá Chỉ số CCHC (DOCX, thể thức văn bản hành chính)' })
  @ApiFile(DOCX)
  @ApiErrors(400, 404)
  @Get(':year/export.docx')
  async exportDocx(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.docx(user.wardId, year);
    response.setHeader('Content-Disposition', `attachment; filename="chi-so-cchc-${year}.docx"`);
    return new StreamableFile(file, { type: DOCX });
  }

  @ApiOperation({ summary: 'Đơn vị chủ trì tự chấm điểm tiêu chí, kèm minh chứng' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('unit_head', 'officer', 'coordinator')
  @Put(':year/criteria/:code/score')
  enterScore(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
    @Param('code') code: string,
    @Body() dto: ScoreDto,
  ): Promise<AssessmentView> {
    return this.assessments.enterScore(user, year, code, dto);
  }

  @ApiOperation({ summary: 'Thẩm định điểm tự chấm: chấp nhận hoặc trả lại kèm lý do' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Post(':year/criteria/:code/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
    @Param('code') code: string,
    @Body() dto: ReviewDto,
  ): Promise<AssessmentView> {
    return this.assessments.review(user, year, code, dto);
  }

  @ApiOperation({
    summary:
      'Nhập kết quả điều tra xã hội học của tiêu chí (tỷ lệ %, nguồn): điểm = điểm tối đa × tỷ lệ',
  })
  @ApiOkResponse({ type: AssessmentView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Put(':year/criteria/:code/survey')
  enterSurvey(
    @CurrentUser() user: AuthUser,
    @Param('year', parYear) year: number,
    @Param('code') code: string,
    @Body() dto: SurveyResultDto,
  ): Promise<AssessmentView> {
    return this.surveys.enter(user, year, code, dto);
  }
}
