import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for MySQL 8 / MariaDB; schema changes go through migrations only. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'mysql',
    url: databaseUrl,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns are calendar dates in Asia/Ho_Chi_Minh: keep them as 'YYYY-MM-DD' strings.
    dateStrings: ['DATE'],
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    // The engine sends a transition's writes as one multi-statement transaction (see runBatch).
    multipleStatements: true,
    extra: { connectionLimit: 20 },
  };
}
