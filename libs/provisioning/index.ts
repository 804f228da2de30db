export * from './dto/account.dto';
export * from './dto/ward.dto';
export { AccountService } from './account.service';
export { AccountCreationService } from './account-creation.service';
export { StaffImportService } from './staff-import.service';
export { UnitImportService } from './unit-import.service';
export { WardService } from './ward.service';
export { ProvisioningModule } from './provisioning.module';
