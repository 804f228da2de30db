/** `--name value` pairs from the command line, with numeric defaults. */
export function numericArgs<T extends Record<string, number>>(
  defaults: T,
  argv = process.argv.slice(2),
): T {
  const values: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in defaults))
      throw new Error(
        `unknown option ${argv[i]}; options: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    const value = Number(argv[++i]);
    if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
    values[name] = value;
  }
  return values as T;
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function runPool(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await work(next++);
  });
  await Promise.all(lanes);
}
