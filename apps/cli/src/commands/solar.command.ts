import { Command, CommandRunner, Option } from 'nest-commander';
import { lunarToSolar } from '@cchc/calendar';
import { parseWholeNumber } from './usage-error';

/** `cli solar <day> <month> <lunarYear> [--leap]`: the solar date of a lunar date. */
@Command({
  name: 'solar',
  arguments: '<day> <month> <lunarYear>',
  description: 'Ngày dương lịch của một ngày âm lịch (--leap: tháng nhuận)',
})
export class SolarCommand extends CommandRunner {
  async run([day, month, year]: string[], options: { leap?: boolean }): Promise<void> {
    console.log(
      lunarToSolar(
        parseWholeNumber(day, 'day'),
        parseWholeNumber(month, 'month'),
        parseWholeNumber(year, 'lunarYear'),
        options.leap ?? false,
      ),
    );
  }

  @Option({ flags: '--leap', description: 'tháng nhuận' })
  parseLeap(): boolean {
    return true;
  }
}
