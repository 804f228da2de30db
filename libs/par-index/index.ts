export * from './dto/par.dto';
export * from './dto/par-view.dto';
export {
  buildCriteriaTree,
  CRITERION_METRICS,
  SCORING_METHOD_LABELS,
  SCORING_METHODS,
  type Criterion,
  type CriterionInput,
  type ScoringMethod,
} from './criteria-tree';
export { readCriteriaFile, validTree, type CriteriaUpload } from './criteria-file';
export { ParExportService } from './par-export.service';
export { ParLostPointsService } from './par-lost-points.service';
export { ParAssessmentService } from './par-assessment.service';
export { ParCriteriaService } from './par-criteria.service';
export { ParSurveyService } from './par-survey.service';
export { ParIndexModule } from './par-index.module';
