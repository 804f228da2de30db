export * from './entities';
export * from './data-source-options';
export * from './ensure-database';
export * from './database.module';
export * from './read-database';
