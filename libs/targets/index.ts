export * from './dto/target.dto';
export * from './dto/target-view.dto';
export * from './metrics';
export { suggestTargets, type SuggestedTarget } from './target-sentences';
export { TargetActuals, type ActualsWindow } from './target-actuals.service';
export { TargetsService } from './targets.service';
export { TargetsModule } from './targets.module';
export { ratio, type Ratio } from './task-figures';
