import { QueryRunner } from 'typeorm';

/** Every table: InnoDB (transactions, row locks) and utf8mb4, so Vietnamese text is stored whole. */
export const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Drops tables in the order given (dependents first), for a migration's `down`. */
export async function dropTables(queryRunner: QueryRunner, tables: string[]): Promise<void> {
  for (const table of tables) await queryRunner.query(`DROP TABLE ${table}`);
}
