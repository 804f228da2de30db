import { ApiClient } from './api-client';

/** Ids of the demo ward's units (by code) and users (by username), as the API lists them. */
export async function demoWardIds(
  client: ApiClient,
): Promise<{ units: Record<string, string>; users: Record<string, string> }> {
  const units = (await client.get('coordinator', '/org-units')).body as {
    id: string;
    code: string;
  }[];
  const users = (await client.get('coordinator', '/users')).body as {
    id: string;
    username: string;
  }[];
  return {
    units: Object.fromEntries(units.map((unit) => [unit.code, unit.id])),
    users: Object.fromEntries(users.map((user) => [user.username, user.id])),
  };
}
