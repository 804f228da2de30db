import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { InspectionsModule } from '@cchc/inspections';
import { TargetActuals } from './target-actuals.service';
import { TargetsService } from './targets.service';

@Module({
  imports: [DossiersModule, InspectionsModule],
  providers: [TargetsService, TargetActuals],
  exports: [TargetsService, TargetActuals],
})
export class TargetsModule {}
