export * from './app-config';
export * from './clock';
export * from './common.module';
export * from './mysql-url';
export * from './preflight';
export * from './page.query';
export * from './ticker';
