import {
  BadRequestException,
  Controller,
  Get,
  Param,
  Post,
  Res,
  StreamableFile,
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
import { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MEDIA_TYPES,
  EvidenceService,
  EvidenceUpload,
  EvidenceView,
} from '@cchc/evidence';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';
import { EvidenceViewDto } from './evidence.dto';

const taskId = uuidParam('id', 'của nhiệm vụ');
const evidenceId = uuidParam('id', 'của tệp minh chứng');

/** The uploaded file under its UTF-8 name (multer reads the name as latin1), or a 400. */
function received(file: Express.Multer.File | undefined): EvidenceUpload {
  if (!file) {
    throw new BadRequestException(
      'file: cần gửi tệp minh chứng (trường "file", multipart/form-data)',
    );
  }
  return { fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), data: file.buffer };
}

@ApiTags('evidence')
@ApiSignedIn()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** A file (PDF, DOCX, XLSX, PNG, JPEG; up to 20 MB) attached to the task's report. */
  @Post('tasks/:id/evidence')
  @ApiOperation({ summary: 'Đính kèm tệp minh chứng vào báo cáo của nhiệm vụ' })
  @ApiCreatedResponse({ type: EvidenceViewDto })
  // 413: over 20 MB, or too large unzipped; 415: not a PDF, DOCX, XLSX, PNG or JPEG by content.
  @ApiErrors(400, 403, 404, 413, 415)
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
    @Param('id', taskId) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.upload(user, id, received(file));
  }

  /** A file of the ward: the evidence of a target's value or of a PAR-Index self-score. */
  @Post('evidence')
  @ApiOperation({
    summary: 'Tải lên tệp minh chứng của phường (số liệu chỉ tiêu, điểm tự đánh giá Chỉ số CCHC)',
  })
  @ApiCreatedResponse({ type: EvidenceViewDto })
  @ApiErrors(400, 403, 413, 415)
  @Roles('coordinator', 'unit_head', 'officer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }))
  uploadForWard(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.uploadForWard(user, received(file));
  }

  @Get('tasks/:id/evidence')
  @ApiOperation({ summary: 'Các tệp minh chứng của nhiệm vụ' })
  @ApiOkResponse({ type: [EvidenceViewDto] })
  @ApiErrors(400, 404)
  list(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string): Promise<EvidenceView[]> {
    return this.evidence.list(user, id);
  }

  /** The file as uploaded, under its original name. */
  @Get('evidence/:id')
  @ApiOperation({ summary: 'Tải tệp minh chứng, với tên tệp gốc' })
  @ApiFile(...Object.values(EVIDENCE_MEDIA_TYPES))
  @ApiErrors(400, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', evidenceId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.open(user, id);
    response.setHeader('Content-Disposition', file.contentDisposition);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, { type: file.contentType, length: file.size });
  }
}
