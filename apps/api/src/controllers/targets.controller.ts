import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam, vietnamInstant } from '@cchc/common';
import {
  TargetActuals,
  TargetActualsQuery,
  TargetActualsView,
  TargetDto,
  TargetImportView,
  TargetsService,
  TargetSuggestionsView,
  TargetValueDto,
  TargetView,
} from '@cchc/targets';
import { ApiErrors, ApiSignedIn } from '../openapi';

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const planId = uuidParam('id', 'của kế hoạch');
const targetId = uuidParam('targetId', 'của chỉ tiêu');

@ApiTags('targets')
@ApiSignedIn()
@Controller('plans/:id/targets')
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly actuals: TargetActuals,
  ) {}

  @ApiOperation({
    summary: 'Các chỉ tiêu của kế hoạch (kể cả gợi ý chờ xác nhận) và số liệu đã nhập',
  })
  @ApiOkResponse({ type: [TargetView] })
  @ApiErrors(400, 404)
  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id', planId) id: string): Promise<TargetView[]> {
    return this.targets.list(user.wardId, id);
  }

  @ApiOperation({
    summary:
      'Chỉ tiêu đã xác nhận với kết quả thực hiện tính đến thời điểm chốt số liệu, đạt / không đạt',
  })
  @ApiOkResponse({ type: TargetActualsView })
  @ApiErrors(400, 404)
  @Get('actuals')
  actualsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Query() query: TargetActualsQuery,
  ): Promise<TargetActualsView> {
    return this.actuals.forPlan(user.wardId, id, {
      from: query.from,
      to: query.to,
      cutoff: query.cutoff === undefined ? undefined : (vietnamInstant(query.cutoff) as Date),
    });
  }

  @ApiOperation({ summary: 'Thêm chỉ tiêu (đã xác nhận)' })
  @ApiOkResponse({ type: TargetView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Post()
  @HttpCode(200)
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Body() dto: TargetDto,
  ): Promise<TargetView> {
    return this.targets.create(user, id, dto);
  }

  @ApiOperation({
    summary:
      'Đọc phần mục tiêu, chỉ tiêu của kế hoạch: mỗi câu có tỷ lệ hoặc số lượng thành một chỉ tiêu gợi ý',
  })
  @ApiOkResponse({ type: TargetSuggestionsView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Post('suggestions')
  @HttpCode(200)
  suggest(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
  ): Promise<TargetSuggestionsView> {
    return this.targets.suggest(user, id);
  }

  /** Columns: code, name, unit, comparator, value, qualitative, source, metric (or Vietnamese). */
  @ApiOperation({
    summary: 'Nhập chỉ tiêu từ tệp CSV hoặc XLSX: tất cả các dòng hoặc không dòng nào',
  })
  @ApiOkResponse({ type: TargetImportView })
  @ApiErrors(400, 403, 404, 409, 413)
  @Roles('coordinator')
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  import(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<TargetImportView> {
    if (!file)
      throw new BadRequestException(
        'file: cần gửi tệp chỉ tiêu CSV hoặc XLSX (trường "file", multipart/form-data)',
      );
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.targets.import(user, id, { fileName, data: file.buffer });
  }

  @ApiOperation({ summary: 'Sửa chỉ tiêu (một gợi ý vẫn chờ xác nhận)' })
  @ApiOkResponse({ type: TargetView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Put(':targetId')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Param('targetId', targetId) target: string,
    @Body() dto: TargetDto,
  ): Promise<TargetView> {
    return this.targets.update(user, id, target, dto);
  }

  @ApiOperation({ summary: 'Xác nhận chỉ tiêu gợi ý' })
  @ApiOkResponse({ type: TargetView })
  @ApiErrors(400, 403, 404)
  @Roles('coordinator')
  @Post(':targetId/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Param('targetId', targetId) target: string,
  ): Promise<TargetView> {
    return this.targets.confirm(user, id, target);
  }

  @ApiOperation({ summary: 'Bỏ chỉ tiêu gợi ý, hoặc xóa chỉ tiêu cùng số liệu đã nhập' })
  @ApiNoContentResponse({ description: 'Đã xóa' })
  @ApiErrors(400, 403, 404)
  @Roles('coordinator')
  @Delete(':targetId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Param('targetId', targetId) target: string,
  ): Promise<void> {
    await this.targets.remove(user, id, target);
  }

  @ApiOperation({ summary: 'Nhập số liệu của chỉ tiêu cho một kỳ, kèm tệp minh chứng' })
  @ApiOkResponse({ type: TargetView })
  @ApiErrors(400, 403, 404, 409)
  @Roles('coordinator')
  @Post(':targetId/values')
  @HttpCode(200)
  enterValue(
    @CurrentUser() user: AuthUser,
    @Param('id', planId) id: string,
    @Param('targetId', targetId) target: string,
    @Body() dto: TargetValueDto,
  ): Promise<TargetView> {
    return this.targets.enterValue(user, id, target, dto);
  }
}
