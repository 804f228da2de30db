import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/** The procedure catalog, TTHC dossiers and their apology slips. */
export class Dossiers1763800400000 implements MigrationInterface {
  name = 'Dossiers1763800400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE procedures (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(500) NOT NULL,
      processing_days INT NOT NULL,
      handling_unit_id CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_procedures_ward_code (ward_id, code),
      CONSTRAINT fk_procedures_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_procedures_unit FOREIGN KEY (handling_unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    // Mirrored from the snapshot: state, appointment_date, overdue, apology_round, result_on,
    // returned_on, late; the figures and the overdue scan read only these columns.
    await queryRunner.query(`CREATE TABLE tthc_dossiers (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      code VARCHAR(64) NOT NULL,
      procedure_id CHAR(36) NOT NULL,
      applicant_name VARCHAR(255) NOT NULL,
      applicant_address VARCHAR(500) NULL,
      applicant_phone VARCHAR(32) NULL,
      applicant_email VARCHAR(255) NULL,
      received_at DATETIME(3) NOT NULL,
      received_on DATE NOT NULL,
      handling_unit_id CHAR(36) NOT NULL,
      state VARCHAR(32) NOT NULL,
      original_appointment_date DATE NOT NULL,
      appointment_date DATE NOT NULL,
      overdue TINYINT(1) NOT NULL DEFAULT 0,
      apology_round INT NOT NULL DEFAULT 0,
      result_on DATE NULL,
      returned_on DATE NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      content_hash CHAR(64) NOT NULL,
      version INT NOT NULL,
      machine_version INT NOT NULL,
      snapshot JSON NOT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_dossiers_code (code),
      KEY idx_dossiers_appointment (state, appointment_date),
      KEY idx_dossiers_ward_received (ward_id, received_on),
      KEY idx_dossiers_unit_received (handling_unit_id, received_on),
      CONSTRAINT fk_dossiers_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_dossiers_procedure FOREIGN KEY (procedure_id) REFERENCES procedures (id),
      CONSTRAINT fk_dossiers_unit FOREIGN KEY (handling_unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    // One slip per (dossier, round): the draft job inserts with this key, so a retried or
    // duplicated job finds the row instead of writing a second slip.
    await queryRunner.query(`CREATE TABLE apology_slips (
      id CHAR(36) NOT NULL PRIMARY KEY,
      dossier_id CHAR(36) NOT NULL,
      round INT NOT NULL,
      ward_id CHAR(36) NOT NULL,
      unit_id CHAR(36) NOT NULL,
      \`trigger\` VARCHAR(32) NOT NULL,
      status VARCHAR(16) NOT NULL,
      year INT NULL,
      number INT NULL,
      number_text VARCHAR(64) NULL,
      missed_appointment_date DATE NOT NULL,
      new_appointment_date DATE NOT NULL,
      reason TEXT NULL,
      signer_id CHAR(36) NULL,
      signer_name VARCHAR(255) NOT NULL,
      signer_position VARCHAR(255) NOT NULL,
      drafted_on DATE NOT NULL,
      issued_on DATE NULL,
      docx LONGBLOB NOT NULL,
      pdf LONGBLOB NOT NULL,
      created_at DATETIME(3) NOT NULL,
      issued_at DATETIME(3) NULL,
      UNIQUE KEY uq_apology_slips_round (dossier_id, round),
      UNIQUE KEY uq_apology_slips_number (unit_id, year, number),
      KEY idx_apology_slips_ward_status (ward_id, status),
      CONSTRAINT fk_apology_slips_dossier FOREIGN KEY (dossier_id) REFERENCES tthc_dossiers (id),
      CONSTRAINT fk_apology_slips_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    // The last number a unit gave an apology slip in a year; its row lock serialises numbering.
    await queryRunner.query(`CREATE TABLE apology_slip_sequences (
      unit_id CHAR(36) NOT NULL,
      year INT NOT NULL,
      last_number INT NOT NULL,
      PRIMARY KEY (unit_id, year),
      CONSTRAINT fk_apology_sequences_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'apology_slip_sequences',
      'apology_slips',
      'tthc_dossiers',
      'procedures',
    ]);
  }
}
