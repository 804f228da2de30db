import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { databaseName, mysqlConnectionOptions } from '@cchc/common';
import { dataSourceOptions } from './data-source-options';

/** Creates the database named in the URL when it does not exist yet (utf8mb4). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`DATABASE_URL must name a database of letters, digits and _ (got "${name}")`);
  }
  const connection = await createConnection(mysqlConnectionOptions(databaseUrl));
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Creates the database if needed and applies pending migrations; safe to run at every start. */
export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  // API and worker may start together: a named lock lets only one of them migrate at a time.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query(`SELECT GET_LOCK('cchc_migrations', 120)`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query(`SELECT RELEASE_LOCK('cchc_migrations')`).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * True when the database lacks migrations this build has (a process must not run on it). Only
 * reads: TypeORM's own check would create its table, which a user without DDL rights may not.
 */
export async function hasPendingMigrations(databaseUrl: string): Promise<boolean> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const applied = new Set(
      ((await dataSource.query('SELECT name FROM migrations')) as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    return dataSource.migrations.some(
      (migration) => !applied.has(migration.name ?? migration.constructor.name),
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return true;
    throw error;
  } finally {
    await dataSource.destroy();
  }
}
