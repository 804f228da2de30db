export * from './entities';
// Before the options: a migration imports @cchc/audit, whose services need ReadDatabase while
// this index is still loading.
export * from './read-database';
export * from './data-source-options';
export * from './migrations/bulk-load';
export * from './ensure-database';
export * from './document-sequences';
export * from './search-collation';
export * from './database.module';
