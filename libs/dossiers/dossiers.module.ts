import { Module } from '@nestjs/common';
import { CalendarStoreModule } from '@cchc/calendar-store';
import { EngineModule } from '@cchc/engine';
import { TimersModule } from '@cchc/timers';
import { WebhooksModule } from '@cchc/webhooks';
import { ApologyService } from './apology.service';
import { DossierStatsService } from './dossier-stats.service';
import { DossierTimerHandler } from './dossier-timer.handler';
import { DossierIntakeService } from './dossier-intake.service';
import { DossierListService } from './dossier-list.service';
import { DossierService } from './dossier.service';

/** Dossiers, their apology slips and figures; the timer handler registers itself. */
@Module({
  imports: [EngineModule, CalendarStoreModule, TimersModule, WebhooksModule],
  providers: [
    DossierService,
    DossierListService,
    DossierIntakeService,
    ApologyService,
    DossierStatsService,
    DossierTimerHandler,
  ],
  exports: [
    DossierService,
    DossierListService,
    DossierIntakeService,
    ApologyService,
    DossierStatsService,
  ],
})
export class DossiersModule {}
