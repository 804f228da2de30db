import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { DossierStats, DossierStatsQuery, DossierStatsService } from '@cchc/dossiers';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { DossierStatsDto } from './dossiers.dto';

@ApiTags('dossiers')
@ApiSignedIn()
@Controller('stats')
export class DossierStatsController {
  constructor(private readonly stats: DossierStatsService) {}

  /** Received, on time, late, open and overdue, apology coverage: by unit and overall. */
  @ApiOperation({ summary: 'Số liệu hồ sơ: đúng hạn, quá hạn, phiếu xin lỗi, theo đơn vị' })
  @ApiOkResponse({ type: DossierStatsDto })
  @ApiErrors(400)
  @Get('dossiers')
  dossiers(
    @CurrentUser() user: AuthUser,
    @Query() query: DossierStatsQuery,
  ): Promise<DossierStats> {
    return this.stats.figures(user.wardId, query);
  }
}
