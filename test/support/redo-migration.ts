import { DataSource } from 'typeorm';

/** Runs a registered migration down and up again: its fill must rebuild what it maintains. */
export async function redoMigration(db: DataSource, name: string): Promise<void> {
  const migration = db.migrations.find((candidate) => candidate.name === name);
  if (!migration?.down) throw new Error(`${name} is not registered`);
  const runner = db.createQueryRunner();
  try {
    await migration.down(runner);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
}
