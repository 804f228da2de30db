import { Command, CommandRunner, Option } from 'nest-commander';
import { parseDeadline } from '@cchc/deadlines';
import { parseWholeNumber, usageError } from './usage-error';

/** `cli deadline "<text>" --year <planYear> [--json]`: reads a plan's deadline phrase. */
@Command({
  name: 'deadline',
  arguments: '<text>',
  description: 'Đọc cột "Thời gian thực hiện/hoàn thành" của kế hoạch',
})
export class DeadlineCommand extends CommandRunner {
  async run([text]: string[], options: { year?: number; json?: boolean }): Promise<void> {
    if (options.year === undefined) throw usageError('cần --year <năm của kế hoạch>');
    const parsed = parseDeadline(text, { year: options.year });
    if (options.json) {
      console.log(JSON.stringify(parsed));
      return;
    }
    console.log(
      `${parsed.kind}${parsed.due ? `, hạn ${parsed.due}` : ''}${parsed.kind === 'unrecognized' ? ' — cần người xem lại' : ''}`,
    );
  }

  @Option({ flags: '--year <year>', description: 'năm của kế hoạch' })
  parseYear(value: string): number {
    return parseWholeNumber(value, '--year');
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}
