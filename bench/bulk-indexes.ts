import { DataSource } from 'typeorm';

/** errno of "Cannot drop index …: needed in a foreign key constraint". */
const NEEDED_BY_FOREIGN_KEY = 1553;

/**
 * Loads rows in bulk with the tables' plain secondary indexes dropped, then builds them again
 * in one ALTER TABLE per table, by sorting: cheaper than inserting into each index row by row
 * once a table outgrows the buffer pool. Unique, full-text and foreign-key indexes stay (the
 * definitions are read from the database, so the migrations stay their only source).
 */
export async function withoutSecondaryIndexes(
  db: DataSource,
  tables: string[],
  load: () => Promise<void>,
): Promise<void> {
  const dropped = new Map<string, string[]>();
  for (const table of tables) {
    const indexes = (await db.query(
      `SELECT index_name AS name,
         GROUP_CONCAT(CONCAT('\`', column_name, '\`', IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')')),
           IF(collation = 'D', ' DESC', '')) ORDER BY seq_in_index SEPARATOR ', ') AS columns
       FROM information_schema.statistics
       WHERE table_schema = DATABASE() AND table_name = ? AND non_unique = 1 AND index_type = 'BTREE'
       GROUP BY index_name`,
      [table],
    )) as { name: string; columns: string }[];
    const definitions: string[] = [];
    for (const index of indexes) {
      try {
        await db.query(`ALTER TABLE ${table} DROP INDEX \`${index.name}\``);
        definitions.push(`ADD INDEX \`${index.name}\` (${index.columns})`);
      } catch (error) {
        if ((error as { errno?: number }).errno !== NEEDED_BY_FOREIGN_KEY) throw error;
      }
    }
    dropped.set(table, definitions);
  }
  await load();
  for (const [table, definitions] of dropped)
    if (definitions.length > 0) await db.query(`ALTER TABLE ${table} ${definitions.join(', ')}`);
}
