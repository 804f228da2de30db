export * from './http-metrics';
export * from './metrics';
export * from './metrics-server';
export * from './metrics.module';
export * from './scrape';
