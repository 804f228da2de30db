import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { ParAssessmentService } from './par-assessment.service';
import { ParCriteriaService } from './par-criteria.service';
import { ParExportService } from './par-export.service';
import { ParLostPointsService } from './par-lost-points.service';
import { ParSurveyService } from './par-survey.service';

@Module({
  imports: [DossiersModule],
  providers: [
    ParCriteriaService,
    ParAssessmentService,
    ParExportService,
    ParLostPointsService,
    ParSurveyService,
  ],
  exports: [
    ParCriteriaService,
    ParAssessmentService,
    ParExportService,
    ParLostPointsService,
    ParSurveyService,
  ],
})
export class ParIndexModule {}
