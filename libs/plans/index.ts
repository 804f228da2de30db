export * from './group-completion.processor';
export * from './group-completion.service';
export * from './plan-diff-view';
export * from './plan-import.service';
export * from './plans.module';
export * from './plans.service';
export * from './preview-plan';
export * from './unit-alias.service';
