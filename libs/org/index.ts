export * from './demo-ward';
export * from './org.module';
export * from './org.service';
export * from './ward-chairman';
