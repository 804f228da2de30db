import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { isIsoDate } from '@cchc/calendar';
import { cliWorkingCalendar } from '../cli-calendar';
import { parseWholeNumber, usageError } from './usage-error';

function isoDate(text: string, name: string): string {
  if (!isIsoDate(text))
    throw usageError(`${name} phải là ngày dạng YYYY-MM-DD (nhận được "${text}")`);
  return text;
}

/** `cli workdays add <date> <n>`: the date n working days after `date` (the date itself not counted). */
@SubCommand({
  name: 'add',
  arguments: '<date> <n>',
  description: 'Ngày sau n ngày làm việc (không tính ngày bắt đầu)',
})
export class WorkdaysAddCommand extends CommandRunner {
  async run([date, n]: string[]): Promise<void> {
    const calendar = await cliWorkingCalendar();
    console.log(calendar.addWorkingDays(isoDate(date, 'date'), parseWholeNumber(n, 'n')));
  }
}

/** `cli workdays between <from> <to>`: working days after `from` up to and including `to`. */
@SubCommand({
  name: 'between',
  arguments: '<from> <to>',
  description: 'Số ngày làm việc sau <from> đến hết <to>',
})
export class WorkdaysBetweenCommand extends CommandRunner {
  async run([from, to]: string[]): Promise<void> {
    const calendar = await cliWorkingCalendar();
    console.log(calendar.workingDaysBetween(isoDate(from, 'from'), isoDate(to, 'to')));
  }
}

@Command({
  name: 'workdays',
  description: 'Tính ngày làm việc',
  subCommands: [WorkdaysAddCommand, WorkdaysBetweenCommand],
})
export class WorkdaysCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError('dùng: workdays add <YYYY-MM-DD> <n> | workdays between <from> <to>');
  }
}
