import { Role } from './roles';

/** Who sends an event: a signed-in user, or the engine itself (timers). */
export type Actor =
  { kind: 'user'; userId: string; role: Role; unitId: string | null } | { kind: 'system' };

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

/** A calendar date in Asia/Ho_Chi_Minh, written YYYY-MM-DD. Compares correctly as a string. */
export type IsoDate = string;
