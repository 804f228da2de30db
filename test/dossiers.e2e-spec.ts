import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { endOfDayInstant, WorkingCalendar } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { docxText, pdfText } from './support/document-text';
import { freshEnvironment, wipeRedis } from './support/e2e-env';
import { eventually, startApi, startWorker } from './support/test-app';

/*
 * The dossier story of issue 6, in order, on one clock: six dossiers received on 12/02/2026
 * (A, B, D, F: a 5-working-day procedure of Phòng Văn hóa - Xã hội; C, E: a 30-day procedure
 * of Phòng Kinh tế, Hạ tầng và Đô thị), then D returned on time, B paused for a supplement,
 * A and F overdue, A's slip signed and A returned late.
 */
const RECEIVED_AT = '2026-02-12T09:30:00+07:00';
const calendar = new WorkingCalendar();

interface Unit {
  id: string;
  code: string;
}

interface Slip {
  id: string;
  round: number;
  status: string;
  number: string | null;
  trigger: string;
  missedAppointmentDate: string;
  newAppointmentDate: string;
  signerName: string;
  documents: { docx: string; pdf: string } | null;
}

function dossier(code: string, procedureCode: string, applicantName: string) {
  return {
    code,
    procedureCode,
    applicant: {
      name: applicantName,
      address: 'Số 12 phố Trần Hưng Đạo, Phường Mẫu',
      phone: '0912 345 678',
      email: 'nguoinop@example.vn',
    },
    receivedAt: RECEIVED_AT,
  };
}

const A = dossier('H31-260212-0001', '1.000894', 'Nguyễn Thị Hằng');
const B = dossier('H31-260212-0002', '1.000894', 'Trần Văn Bình');
const D = dossier('H31-260212-0004', '1.000894', 'Lê Thị Dung');
const F = dossier('H31-260212-0006', '1.000894', 'Đỗ Văn Phúc');
const C = dossier('H31-260212-0003', '2.001000', 'Phạm Minh Châu');

describe('TTHC dossiers and apology slips', () => {
  const clock = new ManualClock(new Date(RECEIVED_AT));
  let api: INestApplication;
  let workers: INestApplicationContext[] = [];
  let client: ApiClient;
  let db: DataSource;
  let units: Unit[];
  let hook: Server;
  const hookBodies: { type: string; data: Record<string, unknown> }[] = [];

  const unitId = (code: string) => units.find((unit) => unit.code === code)?.id as string;
  const view = async (code: string) => (await client.get('officer', `/dossiers/${code}`)).body;
  const send = (user: string, code: string, body: object) =>
    client.post(user, `/dossiers/${code}/events`, body);
  const download = async (id: string, format: string, role = 'one_stop_officer') =>
    request(api.getHttpServer())
      .get(`/apologies/${id}/document?format=${format}`)
      .set('Authorization', `Bearer ${await client.login(role)}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    await freshEnvironment('dossiers');
    api = await startApi(clock);
    workers = [await startWorker(clock)];
    db = api.get(DataSource);
    client = new ApiClient(api.getHttpServer());
    units = (await client.get('coordinator', '/org-units')).body;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        hookBodies.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    expect(
      (
        await client.post('coordinator', '/webhooks', {
          url: `http://127.0.0.1:${port}/applicant-channel`,
          secret: 'a-secret-of-sixteen-chars',
          events: ['dossier.apology.issued'],
        })
      ).status,
    ).toBe(201);
    for (const procedure of [
      { code: '1.000894', name: 'Đăng ký khai sinh', processingDays: 5, unit: 'VHXH' },
      { code: '2.001000', name: 'Cấp giấy phép xây dựng', processingDays: 30, unit: 'KTHTDT' },
    ]) {
      const created = await client.post('coordinator', '/procedures', {
        code: procedure.code,
        name: procedure.name,
        processingDays: procedure.processingDays,
        handlingUnitId: unitId(procedure.unit),
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
    await new Promise((resolve) => hook?.close(resolve));
  });

  it('sets the appointment 5 working days after the receipt, skipping Tết: 12/02/2026 → 26/02/2026', async () => {
    for (const body of [A, B, D, F]) {
      const created = await client.post('one_stop_officer', '/dossiers', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: body.code,
        state: 'received',
        receivedOn: '2026-02-12',
        originalAppointmentDate: '2026-02-26',
        appointmentDate: '2026-02-26',
        handlingUnitId: unitId('VHXH'),
        procedure: { code: '1.000894', name: 'Đăng ký khai sinh', processingDays: 5 },
      });
      expect(created.body.history.map((entry: { event: string }) => entry.event)).toEqual([
        'RECEIVED',
      ]);
    }
    const timers = await db.query(
      "SELECT kind, due_date, fire_at FROM timers WHERE subject_type = 'tthc-dossier' AND subject_id = ?",
      [(await view(A.code)).id],
    );
    expect(timers).toEqual([
      { kind: 'appointment', due_date: '2026-02-26', fire_at: endOfDayInstant('2026-02-26') },
    ]);
  });

  it('accepts a repeated dossier once and refuses its code with other content', async () => {
    const again = await client.post('one_stop_officer', '/dossiers', A);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe((await view(A.code)).id);
    const changed = await client.post('one_stop_officer', '/dossiers', {
      ...A,
      applicant: { ...A.applicant, name: 'Nguyễn Thị Hạnh' },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toContain(
      `Mã hồ sơ ${A.code} đã được tiếp nhận với nội dung khác`,
    );
    expect((await client.post('coordinator', '/dossiers', C)).status).toBe(403);
    const [{ count }] = await db.query(
      'SELECT COUNT(*) AS count FROM tthc_dossiers WHERE code = ?',
      [A.code],
    );
    expect(Number(count)).toBe(1);
  });

  it('receives NDJSON and CSV uploads line by line and reports each bad line', async () => {
    const ndjson = [
      JSON.stringify(C),
      '{"code": "H31-260212-0099", "procedureCode": ',
      JSON.stringify(A),
      JSON.stringify({ ...C, code: 'H31-260212-0098', applicant: {}, receivedAt: '12/02/2026' }),
      JSON.stringify({ ...C, code: 'H31-260212-0097', procedureCode: '9.999999' }),
    ].join('\n');
    const token = await client.login('one_stop_officer');
    const bulk = await request(api.getHttpServer())
      .post('/dossiers/bulk')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson);
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ created: 1, existing: 1, rejected: 3 });
    const lines = bulk.body.lines as { line: number; status: string; message?: string }[];
    expect(lines.map(({ line, status }) => [line, status])).toEqual([
      [1, 'created'],
      [2, 'rejected'],
      [3, 'existing'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(lines[1].message).toContain('JSON');
    expect(lines[3].message).toContain('applicant.name');
    expect(lines[3].message).toContain('receivedAt');
    expect(lines[4].message).toContain('procedureCode: không có thủ tục mã 9.999999');

    const csv = [
      'Mã hồ sơ,Mã thủ tục,Người nộp,Địa chỉ,Điện thoại,Email,Thời điểm tiếp nhận',
      `H31-260212-0005,2.001000,"Vũ Thị Em","Số 3, ngõ 5",0987654321,em@example.vn,${RECEIVED_AT}`,
      `H31-260212-0096,2.001000,Hoàng Văn Giang,,0987654321,not-an-email,${RECEIVED_AT}`,
    ].join('\r\n');
    const csvBulk = await request(api.getHttpServer())
      .post('/dossiers/bulk')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv);
    expect(csvBulk.body).toMatchObject({
      created: 1,
      existing: 0,
      rejected: 1,
      lines: [
        { line: 2, code: 'H31-260212-0005', status: 'created', appointmentDate: '2026-04-02' },
        { line: 3, code: 'H31-260212-0096', status: 'rejected' },
      ],
    });
    expect(csvBulk.body.lines[1].message).toContain('applicant.email');
    // The one-stop desk sees the applicant's contact details (an officer of another unit would not).
    const received = await client.get('one_stop_officer', '/dossiers/H31-260212-0005');
    expect(received.body.applicant).toEqual({
      name: 'Vũ Thị Em',
      address: 'Số 3, ngõ 5',
      phone: '0987654321',
      email: 'em@example.vn',
    });
    const listed = await client.get('coordinator', `/dossiers?handlingUnitId=${unitId('KTHTDT')}`);
    expect(listed.body.total).toBe(2);
  });

  it('returns a dossier before its appointment: early (trước hạn)', async () => {
    clock.set('2026-02-23T09:00:00+07:00');
    expect((await send('officer', D.code, { type: 'START_PROCESSING', version: 1 })).status).toBe(
      200,
    );
    expect((await send('officer', D.code, { type: 'RECORD_RESULT', version: 2 })).status).toBe(200);
    const returned = await send('one_stop_officer', D.code, { type: 'RETURN_RESULT', version: 3 });
    expect(returned.body).toMatchObject({
      state: 'returned',
      late: false,
      returnedOn: '2026-02-23',
    });
  });

  it('stops the clock for a supplement and moves the appointment by the paused working days', async () => {
    expect((await send('officer', B.code, { type: 'START_PROCESSING', version: 1 })).status).toBe(
      200,
    );
    const paused = await send('officer', B.code, {
      type: 'REQUEST_SUPPLEMENT',
      version: 2,
      reason: 'Bổ sung bản sao giấy chứng sinh',
    });
    expect(paused.body).toMatchObject({
      state: 'supplementRequested',
      // 24, 25 and 26/02 were left when the clock stopped on 23/02.
      clockStopped: { since: '2026-02-23', remainingWorkingDays: 3 },
    });
    // A list row, read without the snapshot, shows the stopped clock too.
    const listed = await client.get('officer', `/dossiers?q=${B.code}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ code: B.code, clockStopped: paused.body.clockStopped }),
    ]);
    const timers = await db.query('SELECT id FROM timers WHERE subject_id = ?', [paused.body.id]);
    expect(timers).toEqual([]);

    clock.set('2026-03-02T08:00:00+07:00');
    const resumed = await send('one_stop_officer', B.code, {
      type: 'SUPPLEMENT_RECEIVED',
      version: 3,
    });
    const pausedWorkingDays = calendar.workingDaysBetween('2026-02-23', '2026-03-02');
    expect(pausedWorkingDays).toBe(5);
    expect(resumed.body).toMatchObject({
      state: 'processing',
      clockStopped: null,
      originalAppointmentDate: '2026-02-26',
      appointmentDate: calendar.addWorkingDays('2026-02-26', pausedWorkingDays),
    });
    expect(resumed.body.appointmentDate).toBe('2026-03-05');
  });

  it('marks a dossier past its appointment overdue and drafts its apology slip within seconds', async () => {
    // The clock stands on 02/03/2026: A's and F's appointment (26/02) has passed.
    const overdue = await eventually(
      async () => {
        const current = await view(A.code);
        return current.apologies?.[0]?.status === 'draft' ? current : null;
      },
      15_000,
      'the draft apology slip of A',
    );
    expect(overdue).toMatchObject({ state: 'received', overdue: true, late: true });
    const listed = await client.get('officer', `/dossiers?q=${A.code}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ code: A.code, apologyPending: overdue.apologyPending }),
    ]);
    expect(overdue.apologyPending).toMatchObject({ round: 1, reason: 'overdue' });
    expect(overdue.history.at(-1)).toMatchObject({
      event: 'APPOINTMENT_MISSED',
      actorRole: 'system',
    });
    expect(overdue.apologies).toEqual([
      expect.objectContaining({
        round: 1,
        trigger: 'overdue',
        status: 'draft',
        number: null,
        missedAppointmentDate: '2026-02-26',
        // The draft proposes the procedure's 5 working days again, from today.
        newAppointmentDate: calendar.addWorkingDays('2026-03-02', 5),
        signerName: 'Phạm Thu Trang',
        signerPosition: 'Trưởng phòng',
      }),
    ]);
    const notice = await eventually(
      async () => {
        const list = (await client.get('unit_head', '/notifications?pageSize=200')).body.items as {
          topic: string;
          title: string;
          body: string;
        }[];
        return list.find(
          (item) => item.topic === 'dossier.apology.drafted' && item.title.includes(A.code),
        );
      },
      10_000,
      "the unit head's notification about A's draft",
    );
    expect(notice.title).toBe(`Dự thảo phiếu xin lỗi chờ thủ trưởng đơn vị ký: hồ sơ ${A.code}`);
    expect(notice.body).toMatch(
      new RegExp(
        `^Dự thảo phiếu xin lỗi chờ thủ trưởng đơn vị ký\\.\\nHồ sơ: ${A.code}\\nThủ tục: \\S`,
      ),
    );
    const draftPdf = await download(overdue.apologies[0].id, 'pdf');
    expect(await pdfText(draftPdf.body)).toContain('DỰ THẢO');
  });

  it('lets only the unit head sign; the signed slip is numbered, stored, announced and audited', async () => {
    const current = await view(A.code);
    const reason = 'Cần xác minh thêm thông tin tại tổ dân phố';
    const byOfficer = await send('officer', A.code, {
      type: 'APPROVE_APOLOGY',
      version: current.version,
      reason,
    });
    expect(byOfficer.status).toBe(403);
    const stale = await send('unit_head', A.code, {
      type: 'APPROVE_APOLOGY',
      version: current.version - 1,
      reason,
    });
    expect(stale.status).toBe(409);
    const signed = await request(api.getHttpServer())
      .post(`/dossiers/${A.code}/events`)
      .set('Authorization', `Bearer ${await client.login('unit_head')}`)
      .set('X-Request-Id', 'ky-phieu-xin-loi-1')
      .send({ type: 'APPROVE_APOLOGY', version: current.version, reason });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      overdue: false,
      appointmentDate: '2026-03-09',
      apologyPending: null,
    });

    const issued = await eventually(
      async () => {
        const slips = (await client.get('officer', `/dossiers/${A.code}/apologies`)).body as Slip[];
        return slips[0]?.status === 'issued' ? slips : null;
      },
      15_000,
      'the issued slip',
    );
    expect(issued).toEqual([
      expect.objectContaining({
        round: 1,
        number: '01/PXL-VHXH',
        issuedOn: '2026-03-02',
        newAppointmentDate: '2026-03-09',
        reason,
      }),
    ]);
    const announcement = await eventually(
      async () => hookBodies.find((body) => body.type === 'dossier.apology.issued'),
      15_000,
      'the webhook announcing the slip',
    );
    // The issue job ran on behalf of the signing request: the webhook job it caused carries its id.
    const [webhookJob] = (await db.query(
      "SELECT payload FROM outbox WHERE queue = 'webhooks' AND JSON_VALUE(payload, '$.requestId') = ?",
      ['ky-phieu-xin-loi-1'],
    )) as unknown[];
    expect(webhookJob).toBeDefined();
    expect(announcement.data).toMatchObject({
      dossierCode: A.code,
      applicant: { name: A.applicant.name, email: A.applicant.email },
      slip: { number: '01/PXL-VHXH', newAppointmentDate: '2026-03-09', reason },
    });
    const audit = await db.query(
      "SELECT event_type, actor_role, ward_id FROM audit_events WHERE instance_type = 'apology-slip' AND instance_id = ? ORDER BY seq",
      [issued[0].id],
    );
    // In the ward's checkpoints and audit queries from the draft on.
    const [{ ward_id: wardId }] = await db.query(
      'SELECT ward_id FROM tthc_dossiers WHERE code = ?',
      [A.code],
    );
    expect(audit).toEqual([
      { event_type: 'DRAFTED', actor_role: 'system', ward_id: wardId },
      { event_type: 'ISSUED', actor_role: 'unit_head', ward_id: wardId },
    ]);
  });

  it('serves the issued slip as DOCX and PDF with every required field in Vietnamese', async () => {
    const [slip] = (await view(A.code)).apologies as Slip[];
    const required = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND PHƯỜNG MẪU',
      'PHÒNG VĂN HÓA - XÃ HỘI',
      'Số: 01/PXL-VHXH',
      'ngày 02 tháng 3 năm 2026',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Kính gửi: Ông/Bà/Tổ chức Nguyễn Thị Hằng',
      `Mã hồ sơ: ${A.code}`,
      'Đăng ký khai sinh (mã thủ tục: 1.000894)',
      'Ngày 12/02/2026',
      'ngày 26/02/2026',
      'Lý do: Cần xác minh thêm thông tin tại tổ dân phố.',
      'ngày 09/03/2026',
      'TRƯỞNG PHÒNG',
      'Phạm Thu Trang',
    ];
    const docx = await download(slip.id, 'docx');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Phiếu xin lỗi 01-PXL-VHXH hồ sơ ${A.code}.docx`)}`,
    );
    const pdf = await download(slip.id, 'pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    for (const text of [await docxText(docx.body), await pdfText(pdf.body)]) {
      for (const field of required) expect(text).toContain(field);
      expect(text).not.toContain('DỰ THẢO');
    }
    expect((await download(slip.id, 'odt')).status).toBe(400);
    // It prints the applicant's address, phone and email: those who see them in the dossier
    // download it; the leader and the ward admin, who see the name only, get neither file nor link.
    for (const role of ['chairman', 'inspector', 'unit_head']) {
      expect({ role, status: (await download(slip.id, 'pdf', role)).status }).toEqual({
        role,
        status: 200,
      });
    }
    for (const role of ['leader', 'admin']) {
      const refused = await download(slip.id, 'docx', role);
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
      expect(refused.text ?? String(refused.body)).toContain('Bộ phận một cửa');
    }
    const listed = (await client.get('leader', `/dossiers/${A.code}/apologies`)).body as Slip[];
    expect(listed[0]).toMatchObject({ id: slip.id, documents: null });
    expect(((await view(A.code)).apologies as Slip[])[0].documents).not.toBeNull();
  });

  it('never makes a second slip when the jobs run again after a restart, even on two workers', async () => {
    for (const worker of workers) await worker.close();
    // As if the worker died before marking its jobs done, and Redis was flushed.
    await db.query(
      "UPDATE outbox SET processed_at = NULL, relayed_at = NULL WHERE queue = 'apologies'",
    );
    await wipeRedis();
    workers = [await startWorker(clock), await startWorker(clock)];
    await eventually(
      async () => {
        const [{ pending }] = await db.query(
          "SELECT COUNT(*) AS pending FROM outbox WHERE queue = 'apologies' AND processed_at IS NULL",
        );
        return Number(pending) === 0;
      },
      20_000,
      'the apology jobs to run again',
    );
    const slips = await db.query(
      'SELECT round, status, number FROM apology_slips WHERE dossier_id = ?',
      [(await view(A.code)).id],
    );
    expect(slips).toEqual([{ round: 1, status: 'issued', number: 1 }]);
    const [sequence] = await db.query(
      "SELECT last_number FROM document_sequences WHERE issuer_id = ? AND kind = 'PXL'",
      [unitId('VHXH')],
    );
    expect(sequence.last_number).toBe(1);
    expect(hookBodies.filter((body) => body.type === 'dossier.apology.issued')).toHaveLength(1);
  });

  it('counts the dossiers: received, on time, late, open and overdue, apology coverage', async () => {
    const a = await view(A.code);
    await send('officer', A.code, { type: 'START_PROCESSING', version: a.version });
    await send('officer', A.code, { type: 'RECORD_RESULT', version: a.version + 1 });
    const returned = await send('one_stop_officer', A.code, {
      type: 'RETURN_RESULT',
      version: a.version + 2,
    });
    expect(returned.body).toMatchObject({ state: 'returned', late: true });

    // VHXH: A returned late with a slip issued after its missed appointment, D returned early
    // (23/02 for 26/02), B waiting for its new appointment (05/03), F overdue with only a
    // draft. KTHTDT: C and E, not yet due.
    const vhxh = {
      received: 4,
      returnedEarly: 1,
      returnedOnTime: 0,
      returnedLate: 1,
      pending: 2,
      openOverdue: 1,
      pendingInTime: 1,
      onTimeRate: 0.5,
      overdue: 2,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 1,
      overdueWithoutSlip: 1,
      overdueWithIssuedSlip: 1,
      apologyCoverage: 0.5,
    };
    const kthtdt = {
      received: 2,
      returnedEarly: 0,
      returnedOnTime: 0,
      returnedLate: 0,
      pending: 2,
      openOverdue: 0,
      pendingInTime: 2,
      onTimeRate: null,
      overdue: 0,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 0,
      overdueWithoutSlip: 0,
      overdueWithIssuedSlip: 0,
      apologyCoverage: null,
    };
    const stats = await client.get('leader', '/stats/dossiers?from=2026-02-01&to=2026-02-28');
    expect(stats.status).toBe(200);
    expect(stats.body.overall).toEqual({ ...vhxh, received: 6, pending: 4, pendingInTime: 3 });
    expect(stats.body.units).toEqual([
      expect.objectContaining({ unitCode: 'KTHTDT', ...kthtdt }),
      expect.objectContaining({ unitCode: 'VHXH', ...vhxh }),
    ]);
    const oneUnit = await client.get('leader', `/stats/dossiers?unitId=${unitId('KTHTDT')}`);
    expect(oneUnit.body.overall).toEqual(kthtdt);
    const later = await client.get('leader', '/stats/dossiers?from=2026-02-13');
    expect(later.body.overall.received).toBe(0);
    const overdueList = await client.get('leader', '/dossiers?overdue=true');
    expect(overdueList.body.items.map((item: { code: string }) => item.code)).toEqual([F.code]);
  });

  it('drafts the slip early when the unit reports a delay before the appointment', async () => {
    const b = await view(B.code);
    const early = await send('officer', B.code, {
      type: 'REPORT_DELAY',
      version: b.version,
      reason: 'Chờ kết quả xác minh của Công an phường',
      proposedDate: '2026-03-12',
    });
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ overdue: false, late: true, appointmentDate: '2026-03-05' });
    const [slip] = await eventually(
      async () => {
        const slips = (await client.get('officer', `/dossiers/${B.code}/apologies`)).body as Slip[];
        return slips.length > 0 ? slips : null;
      },
      15_000,
      "B's draft",
    );
    expect(slip).toMatchObject({
      round: 1,
      trigger: 'delay-reported',
      status: 'draft',
      missedAppointmentDate: '2026-03-05',
      newAppointmentDate: '2026-03-12',
      reason: 'Chờ kết quả xác minh của Công an phường',
    });
  });

  it('gives a second slip when the new appointment is missed too', async () => {
    const f = await eventually(
      async () => {
        const current = await view(F.code);
        return current.apologies?.[0] ? current : null;
      },
      15_000,
      "F's draft",
    );
    const signed = await send('unit_head', F.code, {
      type: 'APPROVE_APOLOGY',
      version: f.version,
      reason: 'Chờ ý kiến của cơ quan liên quan',
      newAppointmentDate: '2026-03-04',
    });
    expect(signed.body.appointmentDate).toBe('2026-03-04');
    clock.set('2026-03-05T08:00:00+07:00');
    const slips = await eventually(
      async () => {
        const current = (await client.get('officer', `/dossiers/${F.code}/apologies`))
          .body as Slip[];
        return current.length === 2 && current[0].status === 'issued' ? current : null;
      },
      15_000,
      "F's second slip",
    );
    expect(slips).toEqual([
      expect.objectContaining({ round: 1, status: 'issued', number: '02/PXL-VHXH' }),
      expect.objectContaining({
        round: 2,
        status: 'draft',
        trigger: 'overdue',
        missedAppointmentDate: '2026-03-04',
      }),
    ]);
    // The second slip still cites the receipt's appointment, then the one the first slip set.
    const receipt = (await view(F.code)).originalAppointmentDate as string;
    const [year, month, day] = receipt.split('-');
    const draft = await download(slips[1].id, 'docx');
    expect(draft.status).toBe(200);
    expect(await docxText(draft.body)).toContain(
      `hẹn trả kết quả: ngày ${day}/${month}/${year}. Thời hạn này đã được hẹn lại là ngày 04/03/2026.`,
    );
  });

  it('records on the signed slip the appointment it replaces, moved by a supplement since the draft', async () => {
    // B's draft is about 05/03 (the delay reported above); on that day the clock stops for a
    // supplement, which comes back the next day and moves the appointment before anyone signs.
    const paused = await send('officer', B.code, {
      type: 'REQUEST_SUPPLEMENT',
      version: (await view(B.code)).version,
      reason: 'Bổ sung bản sao sổ hộ khẩu',
    });
    expect(paused.status).toBe(200);
    clock.set('2026-03-06T09:00:00+07:00');
    const resumed = await send('one_stop_officer', B.code, {
      type: 'SUPPLEMENT_RECEIVED',
      version: paused.body.version,
    });
    const moved = resumed.body.appointmentDate as string;
    expect(moved > '2026-03-05').toBe(true);
    const signed = await send('unit_head', B.code, {
      type: 'APPROVE_APOLOGY',
      version: resumed.body.version,
      newAppointmentDate: '2026-03-13',
    });
    expect(signed.status).toBe(200);
    const [slip] = await eventually(
      async () => {
        const slips = (await client.get('officer', `/dossiers/${B.code}/apologies`)).body as Slip[];
        return slips[0]?.status === 'issued' ? slips : null;
      },
      15_000,
      "B's signed slip",
    );
    // As printed on the slip, and as the figures judge whether it came before that appointment.
    expect(slip).toMatchObject({ missedAppointmentDate: moved, newAppointmentDate: '2026-03-13' });
  });

  it('pages the dossier list by cursor in appointment order, each page after the last', async () => {
    type Row = { code: string; appointmentDate: string; receivedAt: string };
    const all = (await client.get('one_stop_officer', '/dossiers?pageSize=200')).body as {
      items: Row[];
      total: number;
      totalCapped: boolean;
      nextCursor: string | null;
    };
    expect(all.items.length).toBeGreaterThan(3);
    expect(all).toMatchObject({ total: all.items.length, totalCapped: false, nextCursor: null });
    const keys = all.items.map((row) => `${row.appointmentDate} ${row.receivedAt}`);
    expect(keys).toEqual([...keys].sort());
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await client.get('one_stop_officer', `/dossiers?pageSize=2${query}`)).body as {
        items: Row[];
        nextCursor: string | null;
      };
      walked.push(...page.items.map((row) => row.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((row) => row.code));
    const bad = await client.get('one_stop_officer', '/dossiers?cursor=W10');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/cursor/);
  });
});
