import { MigrationInterface, QueryRunner } from 'typeorm';
import { TABLE_OPTIONS } from './schema';

/**
 * One table of yearly document numbers (NĐ 30/2020/NĐ-CP: an issuer numbers its documents from 01
 * on 1 January), by issuer and kind: a unit's apology slips ("PXL", printed "05/PXL-VHXH") and the ward's
 * reports ("BC-UBND"). Reports were numbered by counting the signed reports of their period's year, so a
 * year report signed in January took the old year's sequence; they now take the signing year's.
 * The slips' numbers move over as they are; the reports' sequences start from the signed reports
 * counted by period year (the best the stored rows tell).
 */
export class DocumentSequences1763802900000 implements MigrationInterface {
  name = 'DocumentSequences1763802900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The last number an issuer gave a kind of document in a year; its row lock serialises numbering.
    await queryRunner.query(`CREATE TABLE document_sequences (
      issuer_id CHAR(36) CHARACTER SET ascii NOT NULL,
      kind VARCHAR(32) NOT NULL,
      year INT NOT NULL,
      last_number INT NOT NULL,
      PRIMARY KEY (issuer_id, kind, year)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(
      `INSERT INTO document_sequences (issuer_id, kind, year, last_number)
       SELECT unit_id, 'PXL', year, last_number FROM apology_slip_sequences`,
    );
    await queryRunner.query(
      `INSERT INTO document_sequences (issuer_id, kind, year, last_number)
       SELECT ward_id, 'BC-UBND', period_year, COUNT(*) FROM periodic_reports
       WHERE number IS NOT NULL GROUP BY ward_id, period_year`,
    );
    await queryRunner.query('DROP TABLE apology_slip_sequences');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE apology_slip_sequences (
      unit_id CHAR(36) NOT NULL,
      year INT NOT NULL,
      last_number INT NOT NULL,
      PRIMARY KEY (unit_id, year),
      CONSTRAINT fk_apology_sequences_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(
      `INSERT INTO apology_slip_sequences (unit_id, year, last_number)
       SELECT issuer_id, year, last_number FROM document_sequences WHERE kind = 'PXL'`,
    );
    await queryRunner.query('DROP TABLE document_sequences');
  }
}
