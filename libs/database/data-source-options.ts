import { DataSourceOptions } from 'typeorm';
import { databaseSocket } from '@cchc/common';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * TypeORM options for MySQL 8 / MariaDB; schema changes go through migrations only. With a read
 * replica, the mysql driver's replication pools: every query stays on the primary unless it is
 * run through ReadDatabase (a 'slave' query runner).
 */
export function dataSourceOptions(
  databaseUrl: string,
  readUrl: string | null = null,
): DataSourceOptions {
  return {
    type: 'mysql',
    ...(readUrl
      ? {
          replication: {
            master: { url: databaseUrl, ...databaseSocket(databaseUrl) },
            slaves: [{ url: readUrl, ...databaseSocket(readUrl) }],
            // A SELECT that names no query runner (repositories, authorisation) reads the primary.
            defaultMode: 'master',
            // A server that refused a connection rests for a second (ReadDatabase reads the
            // primary meanwhile) instead of being tried on every request; mysql2's default would
            // drop it for good after five failures, the primary included.
            removeNodeErrorCount: 1,
            restoreNodeTimeout: 1_000,
          },
        }
      : { url: databaseUrl, ...databaseSocket(databaseUrl) }),
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
