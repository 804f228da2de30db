export * from './inbox.module';
export * from './inbox.service';
