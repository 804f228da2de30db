import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ward's reminder and escalation policy as its coordinator set it (else the defaults apply). */
@Entity('escalation_policies')
export class EscalationPolicyEntity {
  @PrimaryColumn('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('json')
  policy: unknown;

  @Column('char', { name: 'updated_by', length: 36, nullable: true })
  updatedBy: string | null;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
