import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { entityColumns, hydrate, LIST_ROW_OMITS } from './entity-rows';
import { PageQuery } from './page.query';

/** Lists count matching rows up to here and then say "more than": never a whole ward per page. */
export const COUNT_CAP = 1000;

/** `?cursor=` of a keyset-paged list (its `nextCursor`); `page` is then ignored. */
export class KeysetPageQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'nextCursor của trang trước: trang kế tiếp (khi có, page bị bỏ qua)',
    maxLength: 512,
  })
  @IsOptional()
  @MaxLength(512, { message: 'cursor không hợp lệ' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor không hợp lệ' })
  cursor?: string;
}

/** One page of a keyset-paged list. */
export interface KeysetPage<T> {
  items: T[];
  /** Matching rows, counted up to COUNT_CAP; `totalCapped`: more match than that. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Pass as `cursor` for the page after this one; null on the last page. */
  nextCursor: string | null;
}

/** A sort key value: a date (YYYY-MM-DD), an instant or an id. */
export type KeyValue = string | Date;

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const PLAIN = /^[0-9A-Za-z-]{1,64}$/;

export function encodeCursor(values: KeyValue[]): string {
  const plain = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify(plain)).toString('base64url');
}

/** The sort key a cursor carries; a 400 naming `cursor` for anything else. */
export function decodeCursor(cursor: string, length: number): KeyValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    !values.every((value) => typeof value === 'string' && PLAIN.test(value.replace(/[T:.]/g, '')))
  ) {
    throw new BadRequestException('cursor không hợp lệ: hãy dùng nextCursor của trang trước');
  }
  return (values as string[]).map((value) => (INSTANT.test(value) ? new Date(value) : value));
}

/** How a keyset page is read: see `selectKeysetIds`. */
export interface KeysetOptions {
  index?: string;
  countCap?: number;
  /** The list runs from the largest key down (newest first), not from the smallest up. */
  descending?: boolean;
}

/**
 * Makes `builder` the statement of a page's ids in the order of `sort` (SQL expressions of a
 * unique key, ascending unless `descending`), one more than the page (more follow): each row has its id as
 * `keyset_id`, its other sort values as `keyset_k0`, `keyset_k1`… (`keysetRowsSql` sorts by them)
 * and the count of matching rows up to `countCap` + 1 as `keyset_total`; after the cursor's key
 * (keyset) or at `page` (offset, for the first pages). `index`, when given, is the one the ids
 * and the count read (USE INDEX), for a filter whose matches MariaDB's estimate wrongly assumes
 * spread evenly along the sort. Returns the count's own statement, for an empty page after the
 * first.
 */
export function selectKeysetIds<E extends ObjectLiteral>(
  builder: SelectQueryBuilder<E>,
  query: KeysetPageQuery,
  sort: string[],
  { index, countCap = COUNT_CAP, descending = false }: KeysetOptions = {},
): SelectQueryBuilder<E> {
  const [after, direction] = descending ? ['<', 'DESC' as const] : ['>', 'ASC' as const];
  if (index) builder.useIndex(index);
  const counting = builder.clone();
  if (query.cursor) {
    const last = decodeCursor(query.cursor, sort.length);
    const params = Object.fromEntries(last.map((value, i) => [`keyset${i}`, value]));
    // (a, b, c) > (x, y, z) spelled out, so that the first column bounds an index range.
    const branches = sort.map((_, i) =>
      [
        ...sort.slice(0, i).map((column, j) => `${column} = :keyset${j}`),
        `${sort[i]} ${after} :keyset${i}`,
      ].join(' AND '),
    );
    builder.andWhere(`(${branches.map((branch) => `(${branch})`).join(' OR ')})`, params);
  } else {
    builder.offset((query.page - 1) * query.pageSize);
  }
  sort.forEach((column, i) =>
    i === 0 ? builder.orderBy(column, direction) : builder.addOrderBy(column, direction),
  );
  // The page's ids from the index alone, their rows then read by primary key: MariaDB checks no
  // filter on the index entry when it walks an index for ORDER BY … LIMIT with whole rows, so
  // it would read a row for every entry it passes. The capped count comes with the ids, an
  // uncorrelated subquery MariaDB runs once.
  counting
    .select('1', 'one')
    .orderBy()
    .limit(countCap + 1);
  builder
    .select(sort[sort.length - 1], 'keyset_id')
    .addSelect(`(SELECT COUNT(*) FROM (${counting.getQuery()}) capped)`, 'keyset_total')
    .limit(query.pageSize + 1);
  sort.slice(0, -1).forEach((column, i) => builder.addSelect(column, `keyset_k${i}`));
  return counting;
}

/**
 * The rows of `ids` (a `selectKeysetIds` statement, or several as one UNION ALL) as derived table
 * `page` joined to the entity's rows by primary key, each with `page.keyset_total` and the
 * `leading` columns of `page`, ordered by those, then by `sort` (`descending`: from the largest
 * down); list rows, without what LIST_ROW_OMITS leaves out.
 */
export function keysetRowsSql(
  metadata: EntityMetadata,
  ids: string,
  sort: string[],
  leading: string[] = [],
  descending = false,
): string {
  const first = leading.map((column) => `page.${column}`);
  const keys = [...sort.slice(0, -1).map((_, i) => `page.keyset_k${i}`), 'page.keyset_id'];
  const order = [...first, ...keys.map((key) => (descending ? `${key} DESC` : key))];
  return `SELECT ${['page.keyset_total', ...first, entityColumns(metadata, 'row', LIST_ROW_OMITS)].join(', ')}
    FROM (${ids}) page STRAIGHT_JOIN \`${metadata.tableName}\` \`row\`
      ON \`row\`.\`${metadata.primaryColumns[0].databaseName}\` = page.keyset_id
    ORDER BY ${order.join(', ')}`;
}

/**
 * One page of `builder` in the order of `sort` (`selectKeysetIds`), with the count of matching
 * rows capped at `countCap` (COUNT_CAP unless said), in one statement: the ids' statement
 * joined to their rows by primary key (each statement costs the API a socket write and MariaDB
 * a wake-up). `keyOf` gives a row's values of `sort`; `manager` is the one `builder` came from
 * (the read replica's, when the list reads there).
 */
export async function keysetPage<E extends ObjectLiteral>(
  manager: EntityManager,
  builder: SelectQueryBuilder<E>,
  query: KeysetPageQuery,
  sort: string[],
  keyOf: (row: E) => KeyValue[],
  options: KeysetOptions = {},
): Promise<Omit<KeysetPage<E>, 'items'> & { rows: E[] }> {
  const countCap = options.countCap ?? COUNT_CAP;
  const counting = selectKeysetIds(builder, query, sort, options);
  const metadata = builder.expressionMap.mainAlias!.metadata;
  const [ids, params] = builder.getQueryAndParameters();
  const rowsSql = keysetRowsSql(metadata, ids, sort, [], options.descending);
  const found = (await manager.query(rowsSql, params)) as (Record<string, unknown> & {
    keyset_total: string | number;
  })[];
  // An empty page says nothing of the count, except on the first page (nothing matches).
  const total =
    found.length > 0
      ? Number(found[0].keyset_total)
      : query.cursor || query.page > 1
        ? await cappedCount(manager, counting, countCap)
        : 0;
  const more = found.length > query.pageSize;
  const rows = found.slice(0, query.pageSize).map((row) => hydrate<E>(manager, metadata, row));
  return {
    rows,
    total: Math.min(total, countCap),
    totalCapped: total > countCap,
    page: query.page,
    pageSize: query.pageSize,
    nextCursor: more ? encodeCursor(keyOf(rows[rows.length - 1])) : null,
  };
}

/**
 * The rows of `select` (plain SQL) counted up to `countCap` + 1 (more than the cap says "more"),
 * as an expression: a column of a page's own statement is an uncorrelated subquery MariaDB runs
 * once, a statement less than counting apart.
 */
export const cappedCountSql = (select: string, countCap = COUNT_CAP) =>
  `(SELECT COUNT(*) FROM (${select} LIMIT ${countCap + 1}) capped)`;

/** Rows of `select` (plain SQL) counted up to `countCap` + 1: more than the cap says "more". */
export async function countUpTo(
  manager: EntityManager,
  select: string,
  params: unknown[],
  countCap = COUNT_CAP,
): Promise<number> {
  const [{ n }] = (await manager.query(
    `SELECT ${cappedCountSql(select, countCap)} AS n`,
    params,
  )) as {
    n: string | number;
  }[];
  return Number(n);
}

/** Rows matching `builder`, counted up to `countCap` + 1. */
function cappedCount<E extends ObjectLiteral>(
  manager: EntityManager,
  builder: SelectQueryBuilder<E>,
  countCap: number,
): Promise<number> {
  const [sql, params] = builder.select('1', 'one').orderBy().limit().getQueryAndParameters();
  return countUpTo(manager, sql, params, countCap);
}
