export * from './auth-user';
export * from './auth.module';
export * from './auth.service';
export * from './decorators';
