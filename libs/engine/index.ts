export * from './audit-history';
export * from './engine-errors';
export * from './engine.module';
export * from './persisted-workflow';
export * from './statements';
export * from './sql-batch';
export * from './workflow-engine';
