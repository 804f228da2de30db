import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import {
  AuditCheckpoints,
  AuditEntryDto,
  AuditPageDto,
  AuditPeriodQuery,
  AuditQuery,
  AuditQueryService,
  AuditVerification,
  CheckpointDto,
  instantsOf,
  StoredCheckpoint,
  TimedReport,
  VerifyReportDto,
} from '@cchc/audit';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';

const NDJSON = 'application/x-ndjson';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The tamper-evident audit of the caller's ward. Checkpoints only add signed evidence of the
 * history as it stands, so whoever answers for it (chairman) or examines it (inspector) may ask
 * for one, besides the daily job; the system administrator may, to checkpoint before maintenance.
 */
@ApiTags('audit')
@ApiSignedIn()
@ApiErrors(403)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly checkpoints: AuditCheckpoints,
    private readonly verification: AuditVerification,
    private readonly query: AuditQueryService,
  ) {}

  @ApiOperation({
    summary: 'Nhật ký: ai đã làm gì trong phường (nhiệm vụ, hồ sơ, kế hoạch, đăng nhập…)',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400)
  @Roles('inspector', 'chairman')
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: AuditQuery,
  ): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    return this.query.page(user.wardId, query);
  }

  @ApiOperation({ summary: 'Xuất nhật ký (cùng bộ lọc) ra tệp Excel' })
  @ApiFile(XLSX)
  @ApiProduces(XLSX)
  @ApiErrors(400)
  @Roles('inspector', 'chairman')
  @Get('export.xlsx')
  async exportXlsx(
    @CurrentUser() user: AuthUser,
    @Query() query: AuditQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.query.workbook(user.wardId, query);
    response.setHeader('Content-Disposition', 'attachment; filename="nhat-ky.xlsx"');
    return new StreamableFile(file, { type: XLSX });
  }

  @ApiOperation({ summary: 'Tạo điểm kiểm tra (gốc Merkle đã ký) của nhật ký phường ngay bây giờ' })
  @ApiCreatedResponse({ type: CheckpointDto })
  @Roles('chairman', 'inspector', 'system_admin')
  @Post('checkpoints')
  @HttpCode(201)
  checkpoint(@CurrentUser() user: AuthUser): Promise<StoredCheckpoint> {
    return this.checkpoints.checkpoint(user.wardId, 'on-demand');
  }

  @ApiOperation({
    summary: 'Kiểm tra tính toàn vẹn nhật ký của phường (chuỗi băm và điểm kiểm tra)',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  @ApiErrors(400)
  @Roles('inspector', 'chairman')
  @Post('verify')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @Body() period: AuditPeriodQuery): Promise<TimedReport> {
    return this.verification.verify({ wardId: user.wardId, ...instantsOf(period.from, period.to) });
  }

  @ApiOperation({
    summary:
      'Xuất gói nhật ký (NDJSON: sự kiện, điểm kiểm tra, khóa công khai) để kiểm tra ngoại tuyến',
  })
  @ApiFile(NDJSON)
  @ApiProduces(NDJSON)
  @ApiErrors(400)
  @Roles('inspector')
  @Get('export')
  export(
    @CurrentUser() user: AuthUser,
    @Query() period: AuditPeriodQuery,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile {
    const lines = this.verification.bundle({
      wardId: user.wardId,
      ...instantsOf(period.from, period.to),
    });
    response.setHeader('Content-Disposition', 'attachment; filename="nhat-ky.ndjson"');
    return new StreamableFile(Readable.from(lines), { type: `${NDJSON}; charset=utf-8` });
  }
}
