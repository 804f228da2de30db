import { Module } from '@nestjs/common';
import { EngineModule } from '@cchc/engine';
import { OrgModule } from '@cchc/org';
import { GroupCompletionService } from './group-completion.service';
import { PlanImportService } from './plan-import.service';
import { PlansService } from './plans.service';
import { UnitAliasService } from './unit-alias.service';

@Module({
  imports: [EngineModule, OrgModule],
  providers: [PlanImportService, PlansService, UnitAliasService, GroupCompletionService],
  exports: [PlanImportService, PlansService, UnitAliasService, GroupCompletionService],
})
export class PlansModule {}
