/**
 * Case-insensitive and accent-sensitive ("Hộ" = "hộ" ≠ "hồ"): the task list's `?text=` and its
 * terms. The name depends on the server: MariaDB (10.10 and later) has the UCA 14 Vietnamese
 * collation, MySQL 8 the UCA 9 one; the first the server knows is used.
 */
const CANDIDATES = ['utf8mb4_uca1400_vietnamese_as_ci', 'utf8mb4_0900_as_ci'];

let known: Promise<string> | undefined;

/** The collation, asked of the server once a process. */
export function searchCollation(db: {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}): Promise<string> {
  known ??= (async () => {
    // The catalogues differ (MariaDB lists `uca1400_…` without the character set): try each.
    for (const candidate of CANDIDATES) {
      try {
        await db.query(`SELECT _utf8mb4'a' COLLATE ${candidate}`);
        return candidate;
      } catch {
        // Not known to this server: the next.
      }
    }
    throw new Error(
      `Máy chủ cơ sở dữ liệu không có collation phân biệt dấu nào trong ${CANDIDATES.join(', ')} ` +
        '(cần MariaDB ≥ 10.10 hoặc MySQL 8)',
    );
  })();
  known.catch(() => (known = undefined));
  return known;
}
