import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file attached to a task as evidence of its report; the bytes are in the EvidenceStorage. */
@Entity('evidence_files')
@Index('idx_evidence_files_task', ['taskId', 'uploadedAt'])
export class EvidenceFileEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  /** Null for a file of the ward (a target's value, a PAR-Index score), not of a task's report. */
  @Column('char', { name: 'task_id', length: 36, nullable: true })
  taskId: string | null;

  /** Hex SHA-256 of the bytes: their address in the storage. */
  @Column('char', { length: 64 })
  sha256: string;

  @Column('int')
  size: number;

  /** Read from the bytes, not from the name. */
  @Column('varchar', { name: 'media_type', length: 128 })
  mediaType: string;

  /** The name the file had on the uploader's machine, given back on download. */
  @Column('varchar', { name: 'original_name', length: 255 })
  originalName: string;

  @Column('char', { name: 'uploaded_by', length: 36 })
  uploadedBy: string;

  @Column('datetime', { name: 'uploaded_at', precision: 3 })
  uploadedAt: Date;
}
