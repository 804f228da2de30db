import { Command, CommandRunner, Option } from 'nest-commander';
import { isIsoDate, lunarYearName, solarToLunar } from '@cchc/calendar';
import { usageError } from './usage-error';

/** `cli lunar <YYYY-MM-DD> [--json]`: the Vietnamese lunar date of a solar date. */
@Command({
  name: 'lunar',
  arguments: '<date>',
  description: 'Âm lịch Việt Nam (UTC+7) của một ngày dương lịch',
})
export class LunarCommand extends CommandRunner {
  async run([date]: string[], options: { json?: boolean }): Promise<void> {
    if (!isIsoDate(date)) throw usageError(`"${date}" không phải ngày dạng YYYY-MM-DD`);
    const lunar = solarToLunar(date);
    if (options.json) {
      console.log(JSON.stringify(lunar));
      return;
    }
    const month = `${lunar.month}${lunar.leap ? ' nhuận' : ''}`;
    console.log(
      `Ngày ${lunar.day} tháng ${month} năm ${lunarYearName(lunar.year)} (${lunar.year})`,
    );
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}
