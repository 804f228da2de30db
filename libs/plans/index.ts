export * from './plan-import.service';
export * from './plans.module';
export * from './preview-plan';
