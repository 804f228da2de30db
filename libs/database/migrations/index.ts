import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration, oldest first. TypeORM runs the ones the database has not seen. */
export const MIGRATIONS = [Foundation1763800000000];
