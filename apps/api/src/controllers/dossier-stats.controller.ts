import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@cchc/auth';
import { DossierStats, DossierStatsQuery, DossierStatsService } from '@cchc/dossiers';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('stats')
export class DossierStatsController {
  constructor(private readonly stats: DossierStatsService) {}

  /** Received, on time, late, open and overdue, apology coverage: by unit and overall. */
  @Get('dossiers')
  dossiers(
    @CurrentUser() user: AuthUser,
    @Query() query: DossierStatsQuery,
  ): Promise<DossierStats> {
    return this.stats.figures(user.wardId, query);
  }
}
