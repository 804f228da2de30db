export * from './access-token';
export * from './auth-user';
export * from './auth.module';
export * from './auth.service';
export * from './request-token';
export * from './decorators';
export * from './read-only-roles';
export * from './password-policy';
