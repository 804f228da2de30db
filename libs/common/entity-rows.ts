import { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * The entity's columns as a SELECT list on `alias`, each named by its database name: rows read
 * with it become entities through `hydrate`, without the properties in `omit` (a list row's
 * `snapshot`). Built once per entity, alias and omission.
 */
export function entityColumns(
  metadata: EntityMetadata,
  alias: string,
  omit: readonly string[] = [],
): string {
  let byAlias = selectLists.get(metadata);
  if (!byAlias) selectLists.set(metadata, (byAlias = new Map()));
  const key = [alias, ...omit].join('\0');
  let list = byAlias.get(key);
  if (!list) {
    // Columns TypeORM leaves out unless asked (`select: false`, a password hash) stay out.
    list = metadata.columns
      .filter((column) => column.isSelect && !omit.includes(column.propertyName))
      .map(({ databaseName }) => `\`${alias}\`.\`${databaseName}\` AS \`${databaseName}\``)
      .join(', ');
    byAlias.set(key, list);
  }
  return list;
}

/**
 * What a list row leaves out: the snapshot, the machine's whole context as JSON, whose facts a list
 * shows are columns of their own (virtual where nothing filters on them).
 */
export const LIST_ROW_OMITS: readonly string[] = ['snapshot'];

/** An entity from a row read with `entityColumns`, each value converted as TypeORM would (type, transformer). */
export function hydrate<E extends ObjectLiteral>(
  manager: EntityManager,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
): E {
  const entity = metadata.create(undefined, { fromDeserializer: true }) as E;
  const driver = manager.connection.driver;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    if (value !== undefined)
      column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/**
 * Rows of the entity's table by primary key, in one plain statement (a dossier page's procedures):
 * TypeORM's query builder spent more of the API's CPU building and mapping such a statement than
 * MariaDB spent answering it.
 */
export async function rowsByIds<E extends ObjectLiteral>(
  manager: EntityManager,
  metadata: EntityMetadata,
  ids: string[],
): Promise<E[]> {
  if (ids.length === 0) return [];
  const [key] = metadata.primaryColumns;
  const rows = (await manager.query(
    `SELECT ${entityColumns(metadata, 'row')} FROM \`${metadata.tableName}\` \`row\` ` +
      `WHERE \`row\`.\`${key.databaseName}\` IN (?)`,
    [ids],
  )) as Record<string, unknown>[];
  return rows.map((row) => hydrate<E>(manager, metadata, row));
}
