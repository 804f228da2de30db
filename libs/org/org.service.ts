import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { OrgUnitEntity, UserEntity } from '@cchc/database';

export interface UnitView {
  id: string;
  code: string;
  name: string;
}

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: UserEntity['role'];
  unitId: string | null;
  wardId: string;
}

/** The ward's organisation: its units and its people. */
@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async listUnits(wardId: string): Promise<UnitView[]> {
    const units = await this.units.find({ where: { wardId }, order: { name: 'ASC' } });
    return units.map(({ id, code, name }) => ({ id, code, name }));
  }

  async unitsByIds(wardId: string, ids: string[]): Promise<OrgUnitEntity[]> {
    if (ids.length === 0) return [];
    return this.units.find({ where: { wardId, id: In(ids) } });
  }

  /**
   * The ward's active staff, who may lead, coordinate or be assigned work: not the system and
   * ward administrators, nor the province's officer who only reads.
   */
  async listUsers(wardId: string): Promise<UserView[]> {
    const users = await this.users.find({
      where: {
        wardId,
        active: true,
        role: Not(In(['system_admin', 'admin', 'province_officer'] as const)),
      },
      order: { username: 'ASC' },
    });
    return users.map(toUserView);
  }

  async findUser(id: string): Promise<UserView | null> {
    const user = await this.users.findOne({ where: { id } });
    return user ? toUserView(user) : null;
  }
}

function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    wardId: user.wardId,
  };
}
