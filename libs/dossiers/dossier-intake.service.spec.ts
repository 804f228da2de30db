import { BadRequestException } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { AuthUser } from '@cchc/auth';
import type { AppConfig } from '@cchc/common';
import { DossierIntakeService } from './dossier-intake.service';
import type { DossierService } from './dossier.service';
import type { CreateDossierDto } from './dto/create-dossier.dto';

const line = (code: string) =>
  JSON.stringify({
    code,
    procedureCode: '1.000894',
    applicant: { name: 'Nguyễn Thị Hằng' },
    receivedAt: '2026-02-12T09:30:00+07:00',
  });

describe('DossierIntakeService', () => {
  const received: string[] = [];
  const dossiers = {
    async create(_user: AuthUser, dto: CreateDossierDto) {
      if (dto.code === 'DOWN') throw new Error('connect ECONNREFUSED 127.0.0.1:3306');
      if (dto.code === 'BAD') throw new BadRequestException('procedureCode: không có thủ tục');
      received.push(dto.code);
      return { created: true, dossier: { appointmentDate: '2026-02-26' } };
    },
  } as unknown as DossierService;
  const config = { bulkMaxBytes: 1024 * 1024, bulkMaxLines: 100 } as AppConfig;
  const intake = new DossierIntakeService(dossiers, config);

  it('reports a line the server could not write as failed and goes on with the others', async () => {
    const body = Readable.from([['A', 'DOWN', 'BAD', 'B'].map(line).join('\n')].map(Buffer.from));
    const report = await intake.bulk({} as AuthUser, body, 'ndjson', null);
    expect(report).toMatchObject({ created: 2, existing: 0, rejected: 1, failed: 1 });
    expect(report.lines.map(({ line, status }) => [line, status])).toEqual([
      [1, 'created'],
      [2, 'failed'],
      [3, 'rejected'],
      [4, 'created'],
    ]);
    expect(report.lines[1].message).toMatch(/chưa được ghi, hãy gửi lại/);
    expect(report.lines[2].message).toBe('procedureCode: không có thủ tục');
    expect(received.sort()).toEqual(['A', 'B']);
  });
});
