export * from './timer.types';
export * from './timer.service';
export * from './timer-registry';
export * from './timer-settings';
export * from './timer-feeder.service';
export * from './timer.processor';
export * from './timer-plan.processor';
export * from './timers.module';
