import {
  BadRequestException,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser } from '@cchc/auth';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MEDIA_TYPES,
  EvidenceService,
  EvidenceView,
} from '@cchc/evidence';

const uuid = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`id phải là UUID ${what}`) });

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** A file (PDF, DOCX, XLSX, PNG, JPEG; up to 20 MB) attached to the task's report. */
  @Post('tasks/:id/evidence')
  @ApiOperation({ summary: 'Đính kèm tệp minh chứng vào báo cáo của nhiệm vụ' })
  @ApiBadRequestResponse({ description: 'Thiếu tệp, hoặc id không phải UUID' })
  @ApiForbiddenResponse({ description: 'Người dùng không được gửi báo cáo nhiệm vụ lúc này' })
  @ApiNotFoundResponse({ description: 'Không có nhiệm vụ trong phường' })
  @ApiPayloadTooLargeResponse({ description: 'Tệp quá 20 MB, hoặc giải nén quá lớn' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Nội dung không phải PDF, DOCX, XLSX, PNG, JPEG',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }))
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid('của nhiệm vụ')) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceView> {
    if (!file) {
      throw new BadRequestException(
        'file: cần gửi tệp minh chứng (trường "file", multipart/form-data)',
      );
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.evidence.upload(user, id, { fileName, data: file.buffer });
  }

  @Get('tasks/:id/evidence')
  @ApiOperation({ summary: 'Các tệp minh chứng của nhiệm vụ' })
  @ApiBadRequestResponse({ description: 'id không phải UUID' })
  @ApiNotFoundResponse({ description: 'Không có nhiệm vụ trong phường' })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid('của nhiệm vụ')) id: string,
  ): Promise<EvidenceView[]> {
    return this.evidence.list(user, id);
  }

  /** The file as uploaded, under its original name. */
  @Get('evidence/:id')
  @ApiOperation({ summary: 'Tải tệp minh chứng, với tên tệp gốc' })
  @ApiProduces(...Object.values(EVIDENCE_MEDIA_TYPES))
  @ApiBadRequestResponse({ description: 'id không phải UUID' })
  @ApiNotFoundResponse({ description: 'Không có tệp minh chứng trong phường' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid('của tệp minh chứng')) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.open(user, id);
    response.setHeader('Content-Disposition', file.contentDisposition);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, { type: file.contentType, length: file.size });
  }
}
