import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import {
  ApologyService,
  ApologySlipView,
  BulkFormat,
  BulkReport,
  CreateDossierDto,
  DossierEventDto,
  DossierPage,
  DossierService,
  DossierView,
  ListDossiersQuery,
} from '@cchc/dossiers';

const MAX_BULK_BYTES = 10 * 1024 * 1024;

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly apologies: ApologyService,
  ) {}

  /** 201 with the new dossier; 200 with the existing one when the same dossier is sent again. */
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

  /** NDJSON (application/x-ndjson) or CSV (text/csv); every line is received or reported. */
  @Roles('one_stop_officer')
  @Post('bulk')
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string' } })
  async bulk(
    @CurrentUser() user: AuthUser,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
  ): Promise<BulkReport> {
    const format = bulkFormat(contentType);
    return this.dossiers.bulk(user, await readText(request), format);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListDossiersQuery): Promise<DossierPage> {
    return this.dossiers.list(user, query);
  }

  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<DossierView> {
    return this.dossiers.get(user, code);
  }

  @Post(':code/events')
  @HttpCode(200)
  send(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() dto: DossierEventDto,
  ): Promise<DossierView> {
    return this.dossiers.sendEvent(user, code, dto);
  }

  @Get(':code/apologies')
  async apologiesOf(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
  ): Promise<ApologySlipView[]> {
    const dossier = await this.dossiers.find(user, code);
    return this.apologies.listFor(dossier.id);
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

/** The raw body (JSON-only body parsing leaves these content types unread). */
async function readText(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BULK_BYTES) throw new PayloadTooLargeException('Tệp hồ sơ quá 10 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
