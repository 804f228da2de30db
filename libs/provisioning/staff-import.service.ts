import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Actor, Role } from '@cchc/domain';
import { OrgUnitEntity, UserEntity } from '@cchc/database';
import { readSheetFile } from '@cchc/procedures';
import { AccountCreationService } from './account-creation.service';
import { WARD_ASSIGNABLE_ROLES } from './account-records';
import { UsersImportResult } from './dto/account.dto';
import { importRefused } from './import-refused';
import { readStaffSheet } from './staff-sheet';

/** A ward's staff from a sheet: all accounts or none. */
@Injectable()
export class StaffImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    private readonly accounts: AccountCreationService,
  ) {}

  /**
   * A CSV or XLSX sheet of accounts (full name, user name, role, unit, email, phone): every row is
   * checked first; one wrong cell refuses the whole file (400, every problem by row and column).
   * Each account gets a one-time password, returned here only.
   */
  async import(
    actor: Actor,
    wardId: string,
    file: { fileName: string; data: Buffer },
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<UsersImportResult> {
    const rows = await readSheetFile(file);
    const units = await this.units.find({ where: { wardId } });
    const context = { units, assignableRoles: assignable, takenUsernames: new Set<string>() };
    // User names are unique across wards: ask the database about the sheet's names only.
    const names = readStaffSheet(rows, context).usernames;
    if (names.length > 0) {
      const taken = await this.users.find({ where: { username: In(names) }, select: ['username'] });
      for (const user of taken) context.takenUsernames.add(user.username.toLowerCase());
    }
    const { users, problems } = readStaffSheet(rows, context);
    if (problems.length > 0) throw importRefused('tài khoản', problems);
    const prepared = await this.accounts.withPasswords(
      users.map(({ sourceRow: _, ...account }) => account),
    );
    const created = await this.dataSource.transaction((manager) =>
      this.accounts.insert(manager, actor, wardId, prepared),
    );
    return { created };
  }
}
