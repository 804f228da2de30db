import { EntityManager } from 'typeorm';

/**
 * The next number of an issuer's yearly sequence of a kind of document (`document_sequences`),
 * inside the caller's transaction: the row lock serialises numbering, and a rolled-back
 * transaction gives its number back.
 */
export async function nextDocumentNumber(
  manager: EntityManager,
  issuerId: string,
  kind: string,
  year: number,
): Promise<number> {
  await manager.query(
    'INSERT INTO document_sequences (issuer_id, kind, year, last_number) VALUES (?, ?, ?, 1) ' +
      'ON DUPLICATE KEY UPDATE last_number = last_number + 1',
    [issuerId, kind, year],
  );
  const [{ last_number: number }] = (await manager.query(
    'SELECT last_number FROM document_sequences WHERE issuer_id = ? AND kind = ? AND year = ?',
    [issuerId, kind, year],
  )) as { last_number: number }[];
  return number;
}
