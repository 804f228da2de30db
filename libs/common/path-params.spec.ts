import { BadRequestException } from '@nestjs/common';
import { uuidParam, YearParam } from './path-params';

describe('uuidParam', () => {
  const pipe = uuidParam('id', 'của báo cáo');

  it('passes a UUID and refuses anything else with a 400 naming the parameter', async () => {
    const id = '0b7e2c1a-5d7f-4b8e-9a3c-2f1e6d4c8b90';
    await expect(pipe.transform(id, { type: 'param' })).resolves.toBe(id);
    const refused = pipe.transform('not-a-uuid', { type: 'param' });
    await expect(refused).rejects.toBeInstanceOf(BadRequestException);
    await expect(refused).rejects.toThrow('id phải là UUID của báo cáo');
  });
});

describe('YearParam', () => {
  const pipe = new YearParam({ first: 2000, last: 2100 });

  it('reads a year within the range', () => {
    expect(pipe.transform('2026')).toBe(2026);
    expect(pipe.transform('2000')).toBe(2000);
    expect(pipe.transform('2100')).toBe(2100);
  });

  it.each(['0', '1999', '2101', '99999999999999999999', '2026.0', '20x6', '', '-2026', '1e3'])(
    'refuses %j with a 400 naming year and the range',
    (text) => {
      expect(() => pipe.transform(text)).toThrow(
        new BadRequestException('year phải là năm từ 2000 đến 2100'),
      );
    },
  );
});
