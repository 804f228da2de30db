import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { loadConfig, mysqlConnectionOptions } from '@cchc/common';
import { usageError } from './commands/usage-error';

/** Fails in one line, fast, when the database does not answer (before Nest starts retrying). */
export async function checkDatabase(): Promise<void> {
  const connection = await createConnection({
    ...mysqlConnectionOptions(loadConfig().databaseUrl),
    connectTimeout: 3000,
  }).catch((error) => {
    throw usageError(
      `Không kết nối được cơ sở dữ liệu (${error.code ?? error}); chạy "npm start" hoặc đặt DATABASE_URL.`,
    );
  });
  await connection.end();
}

/** The ward chosen with --ward, or the only one. */
export async function chooseWard(dataSource: DataSource, code?: string): Promise<string> {
  const wards = (await dataSource.query(
    code ? 'SELECT id FROM wards WHERE code = ?' : 'SELECT id FROM wards',
    code ? [code] : [],
  )) as { id: string }[];
  if (wards.length === 0)
    throw usageError(
      code ? `Không có phường mã "${code}"` : 'Chưa có phường nào trong cơ sở dữ liệu',
    );
  if (wards.length > 1) throw usageError(`Có ${wards.length} phường; chọn một bằng --ward <mã>`);
  return wards[0].id;
}

/** Who the import is recorded as: --as <username>, or the ward's only coordinator. */
export async function chooseImporter(
  dataSource: DataSource,
  wardId: string,
  username?: string,
): Promise<AuthUser> {
  const users = (await dataSource.query(
    username
      ? "SELECT id, username, role, unit_id, ward_id FROM users WHERE ward_id = ? AND username = ? AND active = 1 AND role IN ('coordinator', 'chairman')"
      : "SELECT id, username, role, unit_id, ward_id FROM users WHERE ward_id = ? AND role = 'coordinator' AND active = 1",
    username ? [wardId, username] : [wardId],
  )) as { id: string; username: string; role: AuthUser['role']; unit_id: string | null }[];
  if (users.length !== 1)
    throw usageError(
      username
        ? `"${username}" không phải công chức tham mưu hoặc Chủ tịch của phường`
        : `Phường có ${users.length} công chức tham mưu; chọn người nhập bằng --as <tên đăng nhập>`,
    );
  const [user] = users;
  return { id: user.id, username: user.username, role: user.role, unitId: user.unit_id, wardId };
}
