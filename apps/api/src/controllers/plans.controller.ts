import {
  BadRequestException,
  Controller,
  HttpCode,
  NotImplementedException,
  ParseBoolPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { PlanPreview } from '@cchc/plan-import';
import { PlanImportService } from '@cchc/plans';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlanImportService) {}

  @Roles('coordinator')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiQuery({ name: 'year', required: false, type: Number })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  async import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
    @Query('year') year?: string,
  ): Promise<PlanPreview> {
    if (!file)
      throw new BadRequestException(
        'file: cần gửi tệp kế hoạch (trường "file", multipart/form-data)',
      );
    if (year !== undefined && !/^\d{4}$/.test(year))
      throw new BadRequestException('year: phải là năm, ví dụ 2026');
    if (!dryRun) {
      throw new NotImplementedException(
        'Chưa hỗ trợ ghi kế hoạch; hãy dùng dryRun=true để xem trước.',
      );
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.plans.preview(
      user.wardId,
      { fileName, data: file.buffer },
      year ? Number(year) : undefined,
    );
  }
}
