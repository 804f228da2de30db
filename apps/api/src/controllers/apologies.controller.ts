import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { ApologyService } from '@cchc/dossiers';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('apologies')
export class ApologiesController {
  constructor(private readonly apologies: ApologyService) {}

  /** The slip as DOCX or PDF (the draft until the head signs, then the issued one). */
  @Get(':id/document')
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf'] })
  async document(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('format') format: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const document = await this.apologies.document(user.wardId, id, format);
    response.setHeader('Content-Disposition', document.contentDisposition);
    return new StreamableFile(document.data, { type: document.contentType });
  }
}
