import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { TargetActuals } from './target-actuals.service';
import { TargetsService } from './targets.service';

@Module({
  imports: [DossiersModule],
  providers: [TargetsService, TargetActuals],
  exports: [TargetsService, TargetActuals],
})
export class TargetsModule {}
