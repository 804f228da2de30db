import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { WardEntity } from '@cchc/database';
import { AuditLog, isDuplicateKey } from '@cchc/engine';
import { AccountCreationService } from './account-creation.service';
import { CreateWardDto, WardCreatedView, WardView } from './dto/ward.dto';

/** The province's wards (the deployment is the province): created by the system administrator. */
@Injectable()
export class WardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountCreationService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<WardView[]> {
    const wards = await this.dataSource.getRepository(WardEntity).find({ order: { code: 'ASC' } });
    return wards.map(toWardView);
  }

  /** A ward and, if named, its first admin (one-time password in the answer), in one transaction. */
  async create(actor: Actor, dto: CreateWardDto): Promise<WardCreatedView> {
    const admin = dto.admin
      ? await this.accounts.withPasswords([
          {
            username: dto.admin.username,
            fullName: dto.admin.fullName.trim(),
            role: 'admin',
            unitId: null,
            email: dto.admin.email ?? null,
            phone: dto.admin.phone ?? null,
          },
        ])
      : [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const ward = manager.create(WardEntity, {
          id: randomUUID(),
          code: dto.code.trim(),
          name: dto.name.trim(),
          province: dto.province?.trim() || null,
        });
        await manager.insert(WardEntity, ward);
        await AuditLog.append(manager, {
          instanceType: 'ward',
          instanceId: ward.id,
          eventType: 'WARD_CREATED',
          fromState: null,
          toState: 'active',
          actor,
          reason: null,
          payload: { code: ward.code, name: ward.name, province: ward.province },
          occurredAt: this.clock.now(),
        });
        const [created] = await this.accounts.insert(manager, actor, ward.id, admin);
        return { ward: toWardView(ward), admin: created ?? null };
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_wards_code'))
        throw new ConflictException(`code: đã có phường mã ${dto.code}`);
      throw error;
    }
  }
}

function toWardView(ward: WardEntity): WardView {
  return { id: ward.id, code: ward.code, name: ward.name, province: ward.province };
}
