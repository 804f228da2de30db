import { MigrationInterface, QueryRunner } from 'typeorm';

/** A combining mark (U+0300–U+036F): text typed decomposed has them, composed text has none Vietnamese uses. */
const COMBINING_MARK = '[\\x{0300}-\\x{036F}]';

/**
 * Task titles and contents stored decomposed (NFD: some Vietnamese keyboards send "ộ" as "o"
 * and two combining marks) are rewritten composed (NFC), as the API and the plan import now
 * store all text: a composed search word did not find them. The search terms follow through
 * their triggers. Composed text is the same text, so down changes nothing.
 */
export class ComposedTaskText1763803900000 implements MigrationInterface {
  name = 'ComposedTaskText1763803900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      'SELECT id, title, content FROM reform_tasks WHERE title REGEXP ? OR content REGEXP ?',
      [COMBINING_MARK, COMBINING_MARK],
    )) as { id: string; title: string; content: string }[];
    for (const { id, title, content } of rows) {
      await queryRunner.query('UPDATE reform_tasks SET title = ?, content = ? WHERE id = ?', [
        title.normalize('NFC'),
        content.normalize('NFC'),
        id,
      ]);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: the decomposed spelling is not kept, and reads the same.
  }
}
