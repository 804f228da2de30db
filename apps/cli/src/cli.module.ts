import { Module } from '@nestjs/common';
import {
  AuditCheckpointCommand,
  AuditCommand,
  AuditVerifyBundleCommand,
  AuditVerifyCommand,
} from './commands/audit.command';
import { DbCommand, DbMigrateCommand } from './commands/db.command';
import { DeadlineCommand } from './commands/deadline.command';
import { HolidaysCommand } from './commands/holidays.command';
import { ImportCommand } from './commands/import.command';
import { LunarCommand } from './commands/lunar.command';
import {
  OutboxCommand,
  OutboxDeadLettersCommand,
  OutboxRetryCommand,
} from './commands/outbox.command';
import { PAR_COMMANDS } from './commands/par.command';
import { PROVISIONING_COMMANDS } from './commands/provisioning.command';
import { SolarCommand } from './commands/solar.command';
import {
  WorkdaysAddCommand,
  WorkdaysBetweenCommand,
  WorkdaysCommand,
} from './commands/workdays.command';

/** Commands connect to the database only when they need it, so calendar commands work without one. */
@Module({
  providers: [
    AuditCommand,
    AuditCheckpointCommand,
    AuditVerifyBundleCommand,
    AuditVerifyCommand,
    DbCommand,
    DbMigrateCommand,
    DeadlineCommand,
    HolidaysCommand,
    ImportCommand,
    LunarCommand,
    OutboxCommand,
    OutboxDeadLettersCommand,
    OutboxRetryCommand,
    ...PAR_COMMANDS,
    ...PROVISIONING_COMMANDS,
    SolarCommand,
    WorkdaysCommand,
    WorkdaysAddCommand,
    WorkdaysBetweenCommand,
  ],
})
export class CliModule {}
