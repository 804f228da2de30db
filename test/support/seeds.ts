import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real ward plans live beside the repository; they are read at test time, never copied in. */
export const SEEDS_DIR =
  process.env.CCHC_SEEDS_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'seeds');

/** The text of the seed whose file name starts with `prefix` (e.g. '002'), or null when absent. */
export function readSeed(prefix: string): string | null {
  if (!existsSync(SEEDS_DIR)) return null;
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  return file ? readFileSync(join(SEEDS_DIR, file), 'utf8') : null;
}

/** `describe` when the seed is there; otherwise the block is skipped with a message saying why. */
export function describeWithSeed(
  prefix: string,
  name: string,
  body: (seedText: () => string) => void,
): void {
  const text = readSeed(prefix);
  if (text === null) {
    console.warn(`Skipping "${name}": seed ${prefix} not found in ${SEEDS_DIR}`);
  }
  const run = text === null ? describe.skip : describe;
  run(name, () => body(() => text as string));
}
