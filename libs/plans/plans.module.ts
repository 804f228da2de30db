import { Module } from '@nestjs/common';
import { EngineModule } from '@cchc/engine';
import { OrgModule } from '@cchc/org';
import { GroupCompletionService } from './group-completion.service';
import { LeaderAssignmentService } from './leader-assignment.service';
import { PlanImportService } from './plan-import.service';
import { PlansService } from './plans.service';
import { UnitAliasService } from './unit-alias.service';
import { UnitGroupService } from './unit-group.service';

@Module({
  imports: [EngineModule, OrgModule],
  providers: [
    PlanImportService,
    PlansService,
    UnitAliasService,
    UnitGroupService,
    LeaderAssignmentService,
    GroupCompletionService,
  ],
  exports: [
    PlanImportService,
    PlansService,
    UnitAliasService,
    UnitGroupService,
    LeaderAssignmentService,
    GroupCompletionService,
  ],
})
export class PlansModule {}
