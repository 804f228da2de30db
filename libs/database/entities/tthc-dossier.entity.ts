import { Column, Entity, Index } from 'typeorm';
import { ApologyStatus, DossierState, IsoDate, PendingApology } from '@cchc/domain';
import { WorkflowInstanceColumns } from './workflow-instance.columns';

/**
 * A TTHC dossier: its XState snapshot plus the columns mirrored from it, so that lists, the
 * figures and the appointment index never open the snapshot.
 */
@Entity('tthc_dossiers')
@Index('uq_dossiers_ward_code', ['wardId', 'code'], { unique: true })
@Index('idx_dossiers_appointment', ['state', 'appointmentDate'])
@Index('idx_dossiers_ward_figures', [
  'wardId',
  'receivedOn',
  'handlingUnitId',
  'state',
  'late',
  'overdue',
  'returnedOn',
  'appointmentDate',
])
@Index('idx_dossiers_unit_received', ['handlingUnitId', 'receivedOn'])
@Index('idx_dossiers_ward_state', [
  'wardId',
  'state',
  'appointmentDate',
  'receivedAt',
  'id',
  'code',
  'applicantSearch',
])
@Index('idx_dossiers_list', [
  'wardId',
  'appointmentDate',
  'receivedAt',
  'id',
  'state',
  'handlingUnitId',
  'receivedOn',
  'overdue',
  'apologyRound',
  'mayBeOverdue',
  'apologyStatus',
  'code',
  'applicantSearch',
])
// Each list filter's index: the filter, then the list's order (see migration 1763803550000),
// then the code and the name a search checks on its entries (1763804800000).
@Index('idx_dossiers_list_apology', [
  'wardId',
  'apologyStatus',
  'appointmentDate',
  'receivedAt',
  'id',
  'code',
  'applicantSearch',
])
@Index('idx_dossiers_list_overdue', [
  'wardId',
  'mayBeOverdue',
  'appointmentDate',
  'receivedAt',
  'id',
  'overdue',
  'code',
  'applicantSearch',
])
@Index('idx_dossiers_list_unit', [
  'wardId',
  'handlingUnitId',
  'appointmentDate',
  'receivedAt',
  'id',
  'code',
  'applicantSearch',
])
@Index('idx_dossiers_list_received', [
  'wardId',
  'receivedOn',
  'appointmentDate',
  'receivedAt',
  'id',
  'code',
  'applicantSearch',
])
// `?q=`: the start of the code or of the name, then the list's order and every filter's column
// (see migration 1763804800000).
@Index('idx_dossiers_list_code', [
  'wardId',
  'code',
  'appointmentDate',
  'receivedAt',
  'id',
  'state',
  'handlingUnitId',
  'receivedOn',
  'overdue',
  'mayBeOverdue',
  'apologyStatus',
])
@Index('idx_dossiers_list_applicant', [
  'wardId',
  'applicantSearch',
  'appointmentDate',
  'receivedAt',
  'id',
  'state',
  'handlingUnitId',
  'receivedOn',
  'overdue',
  'mayBeOverdue',
  'apologyStatus',
])
export class TthcDossierEntity extends WorkflowInstanceColumns {
  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  /** The one-stop system's dossier code (mã hồ sơ). */
  @Column('varchar', { length: 64 })
  code: string;

  @Column('char', { name: 'procedure_id', length: 36 })
  procedureId: string;

  @Column('varchar', { name: 'applicant_name', length: 255 })
  applicantName: string;

  /**
   * The name as `?q=` matches it: white space collapsed, combining marks dropped, compared case-
   * and accent-insensitively with "đ" = "d" (utf8mb4_unicode_520_ci; stored; see migration
   * 1763804800000).
   */
  @Column({
    type: 'varchar',
    length: 255,
    name: 'applicant_search',
    charset: 'utf8mb4',
    collation: 'utf8mb4_unicode_520_ci',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression:
      "REGEXP_REPLACE(TRIM(REGEXP_REPLACE(applicant_name, '[[:space:]]+', ' ')), '\\\\p{M}+', '')",
  })
  applicantSearch: string;

  @Column('varchar', { name: 'applicant_address', length: 500, nullable: true })
  applicantAddress: string | null;

  @Column('varchar', { name: 'applicant_phone', length: 32, nullable: true })
  applicantPhone: string | null;

  @Column('varchar', { name: 'applicant_email', length: 255, nullable: true })
  applicantEmail: string | null;

  @Column('datetime', { name: 'received_at', precision: 3 })
  receivedAt: Date;

  @Column('date', { name: 'received_on' })
  receivedOn: IsoDate;

  @Column('char', { name: 'handling_unit_id', length: 36 })
  handlingUnitId: string;

  @Column('varchar', { length: 32 })
  state: DossierState;

  /** The date on the receipt; never changes. */
  @Column('date', { name: 'original_appointment_date' })
  originalAppointmentDate: IsoDate;

  /** The current appointment (moved by a supplement or a signed apology slip). */
  @Column('date', { name: 'appointment_date' })
  appointmentDate: IsoDate;

  @Column('boolean')
  overdue: boolean;

  /**
   * In hand and judged by its appointment (received, processing, result not yet handed over), or
   * waiting for a supplement after missing it: overdue when marked or past its appointment, as
   * the figures count it (stored, for the list's overdue filter).
   */
  @Column({
    type: 'boolean',
    name: 'may_be_overdue',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression:
      "state IN ('received', 'processing', 'resultReady') OR (state IN ('supplementRequested') AND overdue = 1)",
  })
  mayBeOverdue: boolean;

  @Column('int', { name: 'apology_round' })
  apologyRound: number;

  /** The snapshot's apology slips: none started, one waiting for the head, all signed (stored). */
  @Column({
    type: 'varchar',
    length: 8,
    name: 'apology_status',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `CASE WHEN apology_round = 0 THEN 'none'
      WHEN JSON_TYPE(JSON_EXTRACT(snapshot, '$.context.apologyPending')) = 'OBJECT'
      THEN 'pending' ELSE 'signed' END`,
  })
  apologyStatus: ApologyStatus;

  /** The snapshot's slip waiting for the head's signature (virtual: what a list row shows). */
  @Column({
    type: 'json',
    name: 'apology_pending',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'VIRTUAL',
    asExpression: "JSON_EXTRACT(snapshot, '$.context.apologyPending')",
  })
  apologyPending: PendingApology | null;

  /** While waiting for a supplement: the day the clock stopped (virtual, from the snapshot). */
  @Column({
    type: 'date',
    name: 'paused_on',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'VIRTUAL',
    asExpression: "JSON_VALUE(snapshot, '$.context.pausedOn')",
  })
  pausedOn: IsoDate | null;

  /** While waiting for a supplement: the working days then left (virtual, from the snapshot). */
  @Column({
    type: 'int',
    name: 'remaining_working_days',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'VIRTUAL',
    asExpression: "JSON_VALUE(snapshot, '$.context.remainingWorkingDays')",
  })
  remainingWorkingDays: number | null;

  @Column('date', { name: 'result_on', nullable: true })
  resultOn: IsoDate | null;

  @Column('date', { name: 'returned_on', nullable: true })
  returnedOn: IsoDate | null;

  /** Missed (or announced it would miss) an appointment at least once. */
  @Column('boolean')
  late: boolean;

  /** The day by whose end it was first late (the snapshot's `lateSince`); null while never late. */
  @Column('date', { name: 'late_on', nullable: true })
  lateOn: IsoDate | null;

  /** The day it was rejected or withdrawn (the snapshot's `closedOn`); null otherwise. */
  @Column('date', { name: 'closed_on', nullable: true })
  closedOn: IsoDate | null;

  /** SHA-256 of what the one-stop system sent; a repeated code must carry the same. */
  @Column('char', { name: 'content_hash', length: 64 })
  contentHash: string;
}
