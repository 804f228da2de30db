import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ApologyTrigger, IsoDate } from '@cchc/domain';

export type ApologySlipStatus = 'draft' | 'issued';

/** A "Phiếu xin lỗi và hẹn lại ngày trả kết quả": one per dossier and missed appointment (round). */
@Entity('apology_slips')
@Index('uq_apology_slips_round', ['dossierId', 'round'], { unique: true })
@Index('uq_apology_slips_number', ['unitId', 'year', 'number'], { unique: true })
@Index('idx_apology_slips_ward_status', ['wardId', 'status'])
@Index('idx_apology_slips_to_sign', ['wardId', 'unitId', 'status', 'missedAppointmentDate'])
export class ApologySlipEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'dossier_id', length: 36 })
  dossierId: string;

  @Column('int')
  round: number;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('char', { name: 'unit_id', length: 36 })
  unitId: string;

  @Column('varchar', { length: 32 })
  trigger: ApologyTrigger;

  @Column('varchar', { length: 16 })
  status: ApologySlipStatus;

  /** Number in the unit's yearly sequence; null while a draft. */
  @Column('int', { nullable: true })
  year: number | null;

  @Column('int', { nullable: true })
  number: number | null;

  /** As printed: "03/PXL-VHXH". */
  @Column('varchar', { name: 'number_text', length: 64, nullable: true })
  numberText: string | null;

  /** The appointment that was (or will be) missed. */
  @Column('date', { name: 'missed_appointment_date' })
  missedAppointmentDate: IsoDate;

  @Column('date', { name: 'new_appointment_date' })
  newAppointmentDate: IsoDate;

  /** Null on an overdue draft until the unit head writes it. */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('char', { name: 'signer_id', length: 36, nullable: true })
  signerId: string | null;

  @Column('varchar', { name: 'signer_name', length: 255 })
  signerName: string;

  @Column('varchar', { name: 'signer_position', length: 255 })
  signerPosition: string;

  @Column('date', { name: 'drafted_on' })
  draftedOn: IsoDate;

  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: IsoDate | null;

  @Column('longblob', { select: false })
  docx: Buffer;

  @Column('longblob', { select: false })
  pdf: Buffer;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'issued_at', precision: 3, nullable: true })
  issuedAt: Date | null;
}
