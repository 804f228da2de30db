import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import {
  CatalogImportResult,
  CreateProcedureDto,
  ProcedureService,
  ProcedureView,
} from '@cchc/procedures';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { CatalogImportResultDto, ProcedureViewDto } from './procedures.dto';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

@ApiTags('procedures')
@ApiSignedIn()
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProcedureService) {}

  @ApiOperation({ summary: 'Thêm thủ tục hành chính vào danh mục của phường' })
  @ApiCreatedResponse({ type: ProcedureViewDto })
  @ApiErrors(400, 403, 409)
  @Roles('coordinator')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProcedureDto): Promise<ProcedureView> {
    return this.procedures.create(user.wardId, dto);
  }

  @ApiOperation({ summary: 'Danh mục thủ tục hành chính của phường' })
  @ApiOkResponse({ type: [ProcedureViewDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ProcedureView[]> {
    return this.procedures.list(user.wardId);
  }

  /** CSV or XLSX with the columns code, name, processingDays, handlingUnit (code or name). */
  @ApiOperation({ summary: 'Nhập danh mục thủ tục từ tệp CSV hoặc XLSX' })
  @ApiOkResponse({ type: CatalogImportResultDto })
  @ApiErrors(400, 403, 413)
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<CatalogImportResult> {
    if (!file) {
      throw new BadRequestException(
        'file: cần gửi tệp danh mục thủ tục CSV hoặc XLSX (trường "file", multipart/form-data)',
      );
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.procedures.import(user.wardId, { fileName, data: file.buffer });
  }
}
