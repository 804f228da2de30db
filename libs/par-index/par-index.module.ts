import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { ParAssessmentService } from './par-assessment.service';
import { ParCriteriaService } from './par-criteria.service';
import { ParExportService } from './par-export.service';

@Module({
  imports: [DossiersModule],
  providers: [ParCriteriaService, ParAssessmentService, ParExportService],
  exports: [ParCriteriaService, ParAssessmentService, ParExportService],
})
export class ParIndexModule {}
