import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import { ApologyService } from '@cchc/dossiers';
import { ApiErrors, ApiFile, ApiSignedIn } from '../openapi';

@ApiTags('dossiers')
@ApiSignedIn()
@Controller('apologies')
export class ApologiesController {
  constructor(private readonly apologies: ApologyService) {}

  /**
   * The slip as DOCX or PDF (the draft until the head signs, then the issued one), for those who
   * may see the applicant's contact details, which it prints. `inline=true`
   * lets the console show the PDF in a frame (helmet's defaults already allow same-origin frames).
   */
  @ApiOperation({ summary: 'Tải phiếu xin lỗi và hẹn lại (DOCX hoặc PDF)' })
  @ApiFile(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiErrors(400, 403, 404)
  @Get(':id/document')
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf'] })
  @ApiQuery({ name: 'inline', required: false, type: Boolean })
  async document(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', 'của phiếu xin lỗi')) id: string,
    @Query('format') format: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const document = await this.apologies.document(user, id, format);
    const disposition = document.contentDisposition;
    response.setHeader(
      'Content-Disposition',
      inline === 'true' ? disposition.replace(/^attachment/, 'inline') : disposition,
    );
    return new StreamableFile(document.data, { type: document.contentType });
  }
}
