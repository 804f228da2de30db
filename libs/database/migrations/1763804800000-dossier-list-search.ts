import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collation of `applicant_search`: case- and accent-insensitive with "đ" = "d" (UCA 5.2.0;
 * the table's utf8mb4_unicode_ci, UCA 4.0.0, sorts "đ" apart from "d"), so "nguyen van duc"
 * finds "Nguyễn Văn Đức". MariaDB and MySQL 8 both have it.
 */
const APPLICANT_SEARCH_COLLATION = 'utf8mb4_unicode_520_ci';

/**
 * The applicant's name as `?q=` matches it: each run of white space (a no-break space included)
 * one space, then trimmed (TRIM alone knows only the ASCII space), and without combining marks. A name some system sent decomposed ("e" +
 * U+0302) compares equal to "ê" in the collation, but LIKE compares a character at a time, and
 * the mark would stand where the pattern has the next letter; a precomposed letter keeps its
 * mark, which the collation ignores.
 */
const APPLICANT_SEARCH_EXPRESSION = `REGEXP_REPLACE(TRIM(REGEXP_REPLACE(applicant_name,
  '[[:space:]]+', ' ')), '\\\\p{M}+', '')`;

/** What every list filter reads, after the list's order in each search index. */
const FILTER_COLUMNS =
  'state, handling_unit_id, received_on, overdue, may_be_overdue, apology_status';

/** Each filter's index (1763803550000, 1763804600000): its columns before the code and name. */
const FILTER_INDEXES: [string, string][] = [
  ['idx_dossiers_ward_state', 'ward_id, state, appointment_date, received_at, id'],
  ['idx_dossiers_list_unit', 'ward_id, handling_unit_id, appointment_date, received_at, id'],
  ['idx_dossiers_list_received', 'ward_id, received_on, appointment_date, received_at, id'],
  ['idx_dossiers_list_apology', 'ward_id, apology_status, appointment_date, received_at, id'],
  [
    'idx_dossiers_list_overdue',
    'ward_id, may_be_overdue, appointment_date, received_at, id, overdue',
  ],
];

/**
 * `GET /dossiers?q=`: a dossier by the start of its code or of its applicant's name.
 * - `applicant_search` is the name in APPLICANT_SEARCH_COLLATION, stored, so that every writer
 *   fills it (the engine, bulk seeds, copies made in SQL);
 * - idx_dossiers_list_code and idx_dossiers_list_applicant: a prefix matching few dossiers (a
 *   code, a whole name) is a range of one of them, whose entries carry the list's order and
 *   every filter's column: checked and sorted without reading a row;
 * - idx_dossiers_list ends with the code and the name (and the two stored filter columns): a
 *   prefix matching many ("Nguyễn", the ward's code prefix) is checked on its entries, walked in
 *   the list's order, and the page comes after a few dozen entries;
 * - each filter's own index ends with the code and the name too: a prefix matching many with
 *   a filter ("Nguyễn", slips awaiting signature) walks the filter's range in the list's order
 *   and checks the name on its entries, never reading more than the filter's matches.
 * Which of them a search reads: libs/dossiers/dossier-search.ts (searchPlan). The column is
 * added with a copy of the table and the indexes rebuilt: about three minutes for 1,000,000
 * dossiers on a 2-core machine.
 */
export class DossierListSearch1763804800000 implements MigrationInterface {
  name = 'DossierListSearch1763804800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD COLUMN applicant_search VARCHAR(255) CHARACTER SET utf8mb4
           COLLATE ${APPLICANT_SEARCH_COLLATION} AS (${APPLICANT_SEARCH_EXPRESSION}) STORED,
         DROP INDEX idx_dossiers_list,
         ADD INDEX idx_dossiers_list (ward_id, appointment_date, received_at, id, state,
           handling_unit_id, received_on, overdue, apology_round, may_be_overdue, apology_status,
           code, applicant_search),
         ADD INDEX idx_dossiers_list_code (ward_id, code, appointment_date, received_at, id,
           ${FILTER_COLUMNS}),
         ADD INDEX idx_dossiers_list_applicant (ward_id, applicant_search, appointment_date,
           received_at, id, ${FILTER_COLUMNS}),
         ${FILTER_INDEXES.map(
           ([name, columns]) =>
             `DROP INDEX ${name}, ADD INDEX ${name} (${columns}, code, applicant_search)`,
         ).join(',\n         ')}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers DROP INDEX idx_dossiers_list_applicant,
         DROP INDEX idx_dossiers_list_code, DROP INDEX idx_dossiers_list,
         ADD INDEX idx_dossiers_list (ward_id, appointment_date, received_at, id, state,
           handling_unit_id, received_on, overdue, apology_round),
         ${FILTER_INDEXES.map(
           ([name, columns]) => `DROP INDEX ${name}, ADD INDEX ${name} (${columns})`,
         ).join(',\n         ')},
         DROP COLUMN applicant_search`,
    );
  }
}
