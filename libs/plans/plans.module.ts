import { Module } from '@nestjs/common';
import { OrgModule } from '@cchc/org';
import { PlanImportService } from './plan-import.service';

@Module({ imports: [OrgModule], providers: [PlanImportService], exports: [PlanImportService] })
export class PlansModule {}
