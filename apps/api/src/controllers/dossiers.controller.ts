import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import {
  ApologyService,
  ApologySlipView,
  BulkFormat,
  BulkReport,
  CreateDossierDto,
  DossierEventDto,
  DossierIntakeService,
  DossierPage,
  DossierListService,
  DossierService,
  DossierView,
  ListDossiersQuery,
} from '@cchc/dossiers';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { ApologySlipViewDto, BulkReportDto, DossierPageDto, DossierViewDto } from './dossiers.dto';

@ApiTags('dossiers')
@ApiSignedIn()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly dossierList: DossierListService,
    private readonly intake: DossierIntakeService,
    private readonly apologies: ApologyService,
  ) {}

  /** 201 with the new dossier; 200 with the existing one when the same dossier is sent again. */
  @ApiOperation({ summary: 'Tiếp nhận hồ sơ thủ tục hành chính (gửi lại cùng hồ sơ: 200)' })
  @ApiCreatedResponse({ type: DossierViewDto })
  @ApiOkResponse({ type: DossierViewDto, description: 'Hồ sơ đã có (gửi lại)' })
  @ApiErrors(400, 403, 409)
  @Roles('one_stop_officer')
  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateDossierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DossierView> {
    const { created, dossier } = await this.dossiers.create(user, dto);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return dossier;
  }

  /**
   * NDJSON (application/x-ndjson) or CSV (text/csv), read as it streams in; every line is
   * received or reported. Over BULK_MAX_BYTES or BULK_MAX_LINES: 413 before anything is written.
   */
  @ApiOperation({ summary: 'Tiếp nhận nhiều hồ sơ (NDJSON hoặc CSV), kết quả từng dòng' })
  @ApiOkResponse({ type: BulkReportDto })
  @ApiErrors(400, 403, 413, 415)
  @Roles('one_stop_officer')
  @Post('bulk')
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string' } })
  bulk(
    @CurrentUser() user: AuthUser,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Req() request: Request,
  ): Promise<BulkReport> {
    return this.intake.bulk(user, request, bulkFormat(contentType), Number(contentLength) || null);
  }

  @ApiOperation({ summary: 'Danh sách hồ sơ (lọc theo ngày nhận, ngày hẹn, trạng thái…)' })
  @ApiOkResponse({ type: DossierPageDto })
  @ApiErrors(400)
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListDossiersQuery): Promise<DossierPage> {
    return this.dossierList.list(user, query);
  }

  @ApiOperation({ summary: 'Một hồ sơ, với lịch sử và phiếu xin lỗi' })
  @ApiOkResponse({ type: DossierViewDto })
  @ApiErrors(404)
  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<DossierView> {
    return this.dossiers.get(user, code);
  }

  @ApiOperation({ summary: 'Gửi sự kiện xử lý hồ sơ (chuyển trạng thái)' })
  @ApiOkResponse({ type: DossierViewDto })
  @ApiErrors(400, 403, 404, 409)
  @Post(':code/events')
  @HttpCode(200)
  send(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() dto: DossierEventDto,
  ): Promise<DossierView> {
    return this.dossiers.sendEvent(user, code, dto);
  }

  @ApiOperation({ summary: 'Các phiếu xin lỗi và hẹn lại của hồ sơ' })
  @ApiOkResponse({ type: [ApologySlipViewDto] })
  @ApiErrors(404)
  @Get(':code/apologies')
  async apologiesOf(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
  ): Promise<ApologySlipView[]> {
    const dossier = await this.dossiers.find(user, code);
    return this.apologies.listFor(dossier, user);
  }
}

function bulkFormat(contentType: string | undefined): BulkFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (['application/x-ndjson', 'application/ndjson', 'application/jsonl'].includes(type)) {
    return 'ndjson';
  }
  if (type === 'text/csv') return 'csv';
  throw new UnsupportedMediaTypeException(
    'Content-Type phải là application/x-ndjson (mỗi dòng một hồ sơ JSON) hoặc text/csv',
  );
}
