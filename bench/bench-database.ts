import { createConnection } from 'mysql2/promise';
import { databaseName, mysqlConnectionOptions } from '@cchc/common';

/** Drops the bench's own database, so that a run starts from nothing. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const connection = await createConnection(mysqlConnectionOptions(databaseUrl));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${databaseName(databaseUrl)}\``);
  } finally {
    await connection.end();
  }
}
