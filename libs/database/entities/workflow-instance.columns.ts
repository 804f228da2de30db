import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns the workflow engine writes for every persisted machine instance (reform tasks,
 * TTHC dossiers): the snapshot, its machine version and the optimistic-concurrency version.
 */
export abstract class WorkflowInstanceColumns {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  /** Optimistic-concurrency version; equals the sequence number of the latest audit event. */
  @Column('int')
  version: number;

  @Column('int', { name: 'machine_version' })
  machineVersion: number;

  @Column('json')
  snapshot: unknown;

  @Column('char', { name: 'created_by', length: 36, nullable: true })
  createdBy: string | null;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
