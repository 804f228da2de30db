import { Module } from '@nestjs/common';
import { AccountCreationService } from './account-creation.service';
import { AccountService } from './account.service';
import { StaffImportService } from './staff-import.service';
import { UnitImportService } from './unit-import.service';
import { WardService } from './ward.service';

const SERVICES = [
  AccountService,
  AccountCreationService,
  StaffImportService,
  UnitImportService,
  WardService,
];

@Module({ providers: SERVICES, exports: SERVICES })
export class ProvisioningModule {}
