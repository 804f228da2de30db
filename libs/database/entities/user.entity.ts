import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@cchc/domain';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('char', { name: 'unit_id', length: 36, nullable: true })
  unitId: string | null;

  @Column('varchar', { length: 64, unique: true })
  username: string;

  @Column('varchar', { name: 'full_name', length: 255 })
  fullName: string;

  @Column('varchar', { length: 32 })
  role: Role;

  @Column('varchar', { name: 'password_hash', length: 255, select: false })
  passwordHash: string;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('varchar', { length: 255, nullable: true })
  email: string | null;

  @Column('varchar', { length: 32, nullable: true })
  phone: string | null;

  /** Set with a one-time password: every route but changing it is refused until then. */
  @Column('boolean', { name: 'must_change_password', default: false })
  mustChangePassword: boolean;

  /** Tokens of sign-ins before this (real time to the millisecond, like their auth_time) are refused. */
  @Column('datetime', { name: 'password_changed_at', precision: 3, nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
