import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

describe('the procedure catalog', () => {
  let api: INestApplication;
  let client: ApiClient;
  let units: { id: string; code: string }[];

  const upload = async (fileName: string, data: Buffer) =>
    request(api.getHttpServer())
      .post('/procedures/import')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach('file', data, fileName);

  beforeAll(async () => {
    await freshEnvironment('dossiers_procedures');
    api = await startApi();
    client = new ApiClient(api.getHttpServer());
    units = (await client.get('coordinator', '/org-units')).body;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('adds a procedure, refuses a second one with the same code and lists them', async () => {
    const vhxh = units.find((unit) => unit.code === 'VHXH')?.id;
    const body = {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: vhxh,
    };
    expect((await client.post('officer', '/procedures', body)).status).toBe(403);
    const created = await client.post('coordinator', '/procedures', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    const again = await client.post('coordinator', '/procedures', body);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('1.000894');
    const invalid = await client.post('coordinator', '/procedures', {
      ...body,
      code: '1.000895',
      processingDays: 'năm',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('processingDays');
    const listed = await client.get('one_stop_officer', '/procedures');
    expect(listed.body).toEqual([created.body]);
  });

  it('imports nothing from a CSV with a bad row and says which row and field', async () => {
    const csv = [
      'Mã thủ tục;Tên thủ tục;Thời hạn giải quyết (ngày làm việc);Đơn vị xử lý',
      '2.001000;Cấp giấy phép xây dựng;30;KTHTDT',
      '2.001001;Cấp giấy phép sửa chữa nhà;mười;KTHTDT',
      '2.001002;Đăng ký hộ kinh doanh;3;Phòng Tài chính',
    ].join('\n');
    const response = await upload('thu-tuc.csv', Buffer.from(csv, 'utf8'));
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      expect.objectContaining({ row: 3, field: 'processingDays' }),
      expect.objectContaining({ row: 4, field: 'handlingUnit' }),
    ]);
    expect(response.body.problems[1].message).toContain('Phòng Tài chính');
    const listed = await client.get('coordinator', '/procedures');
    expect(listed.body.map((procedure: { code: string }) => procedure.code)).toEqual(['1.000894']);
  });

  it('imports an XLSX catalog, updating the codes it already has', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['Mã thủ tục', 'Tên thủ tục', 'Số ngày làm việc', 'Đơn vị xử lý']);
    sheet.addRow(['1.000894', 'Đăng ký khai sinh', 3, 'Phòng Văn hóa - Xã hội']);
    sheet.addRow(['2.001000', 'Cấp giấy phép xây dựng', 30, 'kthtdt']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload('danh-muc.xlsx', data);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 1, updated: 1 });
    const listed = await client.get('coordinator', '/procedures');
    expect(listed.body).toEqual([
      expect.objectContaining({
        code: '1.000894',
        processingDays: 3,
        handlingUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
      }),
      expect.objectContaining({
        code: '2.001000',
        name: 'Cấp giấy phép xây dựng',
        processingDays: 30,
        handlingUnitId: units.find((unit) => unit.code === 'KTHTDT')?.id,
      }),
    ]);
  });
});
