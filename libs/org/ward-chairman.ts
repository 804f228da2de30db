interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The name a ward's documents are signed with by its chairman: the active chairman, the one
 * whose account is oldest if there are two; '' when the ward has none.
 */
export async function activeChairmanName(db: Queryable, wardId: string): Promise<string> {
  const [chairman] = (await db.query(
    "SELECT full_name FROM users WHERE ward_id = ? AND role = 'chairman' AND active = 1 ORDER BY created_at LIMIT 1",
    [wardId],
  )) as { full_name: string }[];
  return chairman?.full_name ?? '';
}
