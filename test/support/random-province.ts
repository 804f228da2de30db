import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

/** Wards written straight into their tables, each with three units (U0–U2) and nothing else. */
export async function insertBareWards(
  db: DataSource,
  codes: string[],
): Promise<{ id: string; units: string[] }[]> {
  const wards: { id: string; units: string[] }[] = [];
  for (const code of codes) {
    const ward = { id: randomUUID(), units: [0, 1, 2].map(() => randomUUID()) };
    await db.query('INSERT INTO wards (id, code, name) VALUES (?, ?, ?)', [
      ward.id,
      code,
      `Phường ${code}`,
    ]);
    for (const [index, unit] of ward.units.entries())
      await db.query('INSERT INTO org_units (id, ward_id, code, name) VALUES (?, ?, ?, ?)', [
        unit,
        ward.id,
        `U${index}`,
        `Đơn vị ${index}`,
      ]);
    wards.push(ward);
  }
  return wards;
}
