import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import {
  ImportOutcome,
  ImportPreview,
  PlanImportQuery,
  PlanImportService,
  PlanSummary,
  PlansService,
  PlanView,
} from '@cchc/plans';
import { ApiErrors, ApiSignedIn } from '../openapi';
import {
  ImportPreviewDto,
  PlanAmendmentDto,
  PlanCreatedDto,
  PlanSummaryDto,
  PlanViewDto,
} from './plans.dto';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const planId = uuidParam('id', 'của kế hoạch');

@ApiTags('plans')
@ApiSignedIn()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly imports: PlanImportService,
    private readonly plans: PlansService,
  ) {}

  /**
   * dryRun=true: the preview. Otherwise a new plan is created with its tasks; a plan imported
   * before (same number, or planId) gives its diff, applied with confirm=true.
   */
  @ApiOperation({ summary: 'Nhập kế hoạch từ tệp: xem trước, tạo mới, hoặc điều chỉnh' })
  @ApiExtraModels(ImportPreviewDto, PlanCreatedDto, PlanAmendmentDto)
  @ApiOkResponse({
    description: 'Bản xem trước (dryRun=true), kế hoạch mới, hoặc khác biệt / điều chỉnh',
    schema: {
      oneOf: [ImportPreviewDto, PlanCreatedDto, PlanAmendmentDto].map((model) => ({
        $ref: getSchemaPath(model),
      })),
    },
  })
  @ApiErrors(400, 403, 404, 409, 413)
  @Roles('coordinator', 'chairman')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  async import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() { dryRun, year, planId, confirm, kind }: PlanImportQuery,
  ): Promise<ImportPreview | ImportOutcome> {
    if (!file)
      throw new BadRequestException(
        'file: cần gửi tệp kế hoạch (trường "file", multipart/form-data)',
      );
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const planFile = { fileName, data: file.buffer };
    if (dryRun) return this.imports.preview(user, planFile, { year, planId });
    return this.imports.import(user, planFile, { year, planId, confirm, kind });
  }

  @ApiOperation({ summary: 'Các kế hoạch của phường' })
  @ApiOkResponse({ type: [PlanSummaryDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<PlanSummary[]> {
    return this.plans.list(user.wardId);
  }

  @ApiOperation({ summary: 'Một kế hoạch: lĩnh vực và số nhiệm vụ theo trạng thái' })
  @ApiOkResponse({ type: PlanViewDto })
  @ApiErrors(400, 404)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', planId) id: string): Promise<PlanView> {
    return this.plans.get(user.wardId, id);
  }
}
