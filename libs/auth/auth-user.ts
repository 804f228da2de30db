import { Actor, Role } from '@cchc/domain';

/** The signed-in user, as carried in the access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  wardId: string;
}

export function actorOf(user: AuthUser): Actor {
  return { kind: 'user', userId: user.id, role: user.role, unitId: user.unitId };
}

/** The user behind a request: who they are, and whether they still hold a one-time password. */
export interface SignedInUser extends AuthUser {
  mustChangePassword: boolean;
}
