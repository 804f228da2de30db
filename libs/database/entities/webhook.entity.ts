import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An outbound webhook of a ward: where to POST which event types, signed with `secret`. */
@Entity('webhooks')
@Index('idx_webhooks_ward', ['wardId', 'active'])
export class WebhookEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('varchar', { length: 2000 })
  url: string;

  @Column('varchar', { length: 255, select: false })
  secret: string;

  @Column('json')
  events: string[];

  @Column('boolean')
  active: boolean;

  @Column('char', { name: 'created_by', length: 36, nullable: true })
  createdBy: string | null;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;
}
