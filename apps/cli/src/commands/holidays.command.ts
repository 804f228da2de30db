import { Command, CommandRunner, Option } from 'nest-commander';
import { cliWorkingCalendar } from '../cli-calendar';
import { parseWholeNumber } from './usage-error';

const KIND_LABELS = { 'day-off': 'nghỉ', 'make-up-workday': 'làm bù' } as const;

/** `cli holidays <year> [--json]`: the days off and make-up working days, with their source. */
@Command({
  name: 'holidays',
  arguments: '<year>',
  description: 'Ngày nghỉ và ngày làm bù của một năm',
})
export class HolidaysCommand extends CommandRunner {
  async run([year]: string[], options: { json?: boolean }): Promise<void> {
    const calendar = await cliWorkingCalendar();
    const days = calendar.holidaysOf(parseWholeNumber(year, 'year'));
    if (options.json) {
      console.log(JSON.stringify(days, null, 2));
      return;
    }
    // Every day of a year shares the schedule's source: say it once, above the list.
    for (const reference of new Set(days.map((day) => day.reference))) {
      const source = days.find((day) => day.reference === reference)?.source;
      console.log(
        `Nguồn (${source === 'official' ? 'lịch chính thức' : 'theo Bộ luật Lao động'}): ${reference}`,
      );
    }
    for (const day of days)
      console.log(`${day.date}  ${KIND_LABELS[day.kind].padEnd(6)}  ${day.name}`);
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}
