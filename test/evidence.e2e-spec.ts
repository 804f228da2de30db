import { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { sampleDocx, samplePdf } from './support/evidence-samples';
import { startApi } from './support/test-app';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('evidence files of task reports (MariaDB + local storage)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const pdfName = 'Báo cáo kết quả rà soát TTHC (quý I).pdf';
  const docxName = 'Biên bản họp đơn vị.docx';
  let storageDir: string;
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let pdf: Buffer;
  let docx: Buffer;
  let taskId: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'cchc-evidence-'));
    process.env.STORAGE_DIR = storageDir;
    await freshEnvironment('evidence');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    [pdf, docx] = await Promise.all([samplePdf(), sampleDocx()]);
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    const users = (await client.get('coordinator', '/users')).body as {
      id: string;
      username: string;
    }[];
    const created = await client.post('coordinator', '/tasks', {
      title: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực văn hóa',
      leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
      leaderId: users.find((user) => user.username === 'leader')?.id,
      product: 'Báo cáo kết quả rà soát',
      dueDate: '2026-03-31',
    });
    expect(created.status).toBe(201);
    taskId = created.body.id;
  });

  afterAll(async () => {
    await api?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const upload = async (username: string, data: Buffer, fileName: string, task = taskId) => {
    clock.advance(60_000); // the list is in upload order
    return request(api.getHttpServer())
      .post(`/tasks/${task}/evidence`)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .attach('file', data, fileName);
  };

  const download = async (server: INestApplication, username: string, id: string) =>
    request(server.getHttpServer())
      .get(`/evidence/${id}`)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const task = async () => (await client.get('officer', `/tasks/${taskId}`)).body;

  let pdfId: string;
  let docxId: string;

  it('takes evidence only from who may report now: the lead unit, once the task is under way', async () => {
    const early = await upload('officer', pdf, pdfName);
    expect(early.status).toBe(403);
    expect(early.body.message).toContain('hiện tại: Đã giao');
    const started = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'START',
      version: (await task()).version,
    });
    expect(started.status).toBe(200);
    const inspector = await upload('inspector', pdf, pdfName);
    expect(inspector.status).toBe(403);
  });

  it('stores a PDF and a DOCX by content hash, with their Vietnamese names, in the audit', async () => {
    const first = await upload('officer', pdf, pdfName);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      taskId,
      name: pdfName,
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
    });
    pdfId = first.body.id;
    const second = await upload('unit_head', docx, docxName);
    expect(second.status).toBe(201);
    expect(second.body.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    docxId = second.body.id;
    // The same bytes again: another row, the same stored file.
    expect((await upload('officer', pdf, 'ban-sao.pdf')).status).toBe(201);
    const stored = await readdir(join(storageDir, 'evidence', sha256(pdf).slice(0, 2)));
    expect(stored.filter((name) => name === sha256(pdf))).toHaveLength(1);
    const audit = (await db.query(
      "SELECT instance_id, event_type, actor_role, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.name')) AS name " +
        "FROM audit_events WHERE instance_type = 'evidence' ORDER BY id",
    )) as { instance_id: string; event_type: string; actor_role: string; name: string }[];
    expect(audit.slice(0, 2)).toEqual([
      { instance_id: pdfId, event_type: 'EVIDENCE_ADDED', actor_role: 'officer', name: pdfName },
      {
        instance_id: docxId,
        event_type: 'EVIDENCE_ADDED',
        actor_role: 'unit_head',
        name: docxName,
      },
    ]);
  });

  it('judges the type by content: a text file named .pdf is 415, over 20 MB is 413', async () => {
    const fake = await upload('officer', Buffer.from('Không phải PDF'), 'bao-cao.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.message).toContain('PDF, DOCX, XLSX, PNG, JPEG');
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]);
    const tooLarge = await upload('officer', huge, 'lon.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe('Tệp tải lên vượt quá dung lượng cho phép.');
    const missing = await request(api.getHttpServer())
      .post(`/tasks/${taskId}/evidence`)
      .set('Authorization', `Bearer ${await client.login('officer')}`)
      .field('note', 'không có tệp');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('file');
    const list = await client.get('leader', `/tasks/${taskId}/evidence`);
    expect(list.status).toBe(200);
    expect(list.body.map((file: { name: string }) => file.name)).toEqual([
      pdfName,
      docxName,
      'ban-sao.pdf',
    ]);
  });

  it('lets the report name the task’s files, and the history list them', async () => {
    const foreign = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'SUBMIT_REPORT',
      version: (await task()).version,
      report: 'Đã rà soát 12 thủ tục',
      evidenceIds: [pdfId, randomUUID()],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('evidenceIds');
    const notUuid = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'SUBMIT_REPORT',
      version: (await task()).version,
      report: 'Đã rà soát 12 thủ tục',
      evidenceIds: ['bao-cao.pdf'],
    });
    expect(notUuid.status).toBe(400);
    const reported = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'SUBMIT_REPORT',
      version: (await task()).version,
      report: 'Đã rà soát 12 thủ tục, đề xuất đơn giản hóa 3 thủ tục',
      evidenceIds: [pdfId, docxId],
    });
    expect(reported.status).toBe(200);
    expect(reported.body.state).toBe('reported');
    const history = (await client.get('leader', `/tasks/${taskId}/history`)).body as {
      event: string;
      payload: { evidenceIds?: string[] } | null;
      attachments?: { id: string; name: string }[];
    }[];
    const report = history.find((entry) => entry.event === 'SUBMIT_REPORT');
    expect(report?.payload?.evidenceIds).toEqual([pdfId, docxId]);
    expect(report?.attachments).toEqual([
      { id: pdfId, name: pdfName },
      { id: docxId, name: docxName },
    ]);
    expect(history.find((entry) => entry.event === 'START')?.attachments).toBeUndefined();
  });

  it('gives the leader the PDF intact, under its Vietnamese name', async () => {
    const response = await download(api, 'leader', pdfId);
    expect(response.status).toBe(200);
    expect(sha256(response.body)).toBe(sha256(pdf));
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const disposition = response.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).toContain('filename="Bao cao ket qua ra soat TTHC (quy I).pdf"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(pdfName);
  });

  it('hides the files from another ward', async () => {
    const wardId = randomUUID();
    const unitId = randomUUID();
    await db.query(
      "INSERT INTO wards (id, code, name) VALUES (?, 'evidence-other', 'Phường Khác')",
      [wardId],
    );
    await db.query("INSERT INTO org_units (id, ward_id, code, name) VALUES (?, ?, 'VHXH', 'VH')", [
      unitId,
      wardId,
    ]);
    // Same password as the demo officer: the hash is copied.
    await db.query(
      `INSERT INTO users (id, ward_id, unit_id, username, full_name, role, password_hash)
       SELECT ?, ?, ?, 'officer_other_ward', 'Cán bộ phường khác', 'officer', password_hash
       FROM users WHERE username = 'officer'`,
      [randomUUID(), wardId, unitId],
    );
    expect((await download(api, 'officer_other_ward', pdfId)).status).toBe(404);
    expect((await client.get('officer_other_ward', `/tasks/${taskId}/evidence`)).status).toBe(404);
    expect((await upload('officer_other_ward', pdf, pdfName)).status).toBe(404);
    expect((await client.get('officer_other_ward', '/evidence/not-a-uuid')).status).toBe(400);
  });

  it('keeps the files across a restart of the API', async () => {
    await api.close();
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    const response = await download(api, 'leader', docxId);
    expect(response.status).toBe(200);
    expect(sha256(response.body)).toBe(sha256(docx));
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain(docxName);
  });
});
