import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@cchc/common';
import { demoWardIds } from './support/demo-ward-ids';
import { docxText } from './support/document-text';
import { freshEnvironment } from './support/e2e-env';
import { redoMigration } from './support/redo-migration';
import { ReportSession, vnTime } from './support/report-session';
import { startApi } from './support/test-app';

const REASON = 'Bổ sung 01 hồ sơ tiếp nhận ngày 05/3/2026 chưa được cập nhật vào phần mềm';
const WITHDRAWAL = 'Ký trước khi Phó Chủ tịch rà soát số liệu hồ sơ';
const SECOND_WITHDRAWAL = 'Cần tổng hợp lại sau khi cập nhật hồ sơ';
/** Q2's revisions in the end: the first withdrawn (twice), the second signed and sent. */
const Q2_REVISIONS = [
  {
    revision: 1,
    number: null,
    signedOn: null,
    sentOn: null,
    signatureWithdrawn: {
      number: '05/BC-UBND',
      signedOn: '2026-04-07',
      withdrawnOn: '2026-04-08',
      reason: SECOND_WITHDRAWAL,
    },
  },
  {
    revision: 2,
    number: '06/BC-UBND',
    signedOn: '2026-04-08',
    sentOn: '2026-04-08',
    signatureWithdrawn: null,
  },
];

/**
 * A sent report corrected (báo cáo đính chính): a new revision compiled, approved, signed under a
 * new number and sent, the sent one kept with its figures, number and document; a report stored
 * as sent before corrections existed is corrected the same way.
 */
describe('periodic reports: correcting a sent report', () => {
  const clock = new ManualClock(vnTime('2026-03-16T08:00:00'));
  let api: INestApplication;
  let s: ReportSession;
  let reportId: string;
  /** Q2's report, whose signature the chairman withdraws before it is sent. */
  let q2: string;

  beforeAll(async () => {
    await freshEnvironment('report_correction');
    api = await startApi(clock);
    s = new ReportSession(api, clock);
    const { units } = await demoWardIds(s.client);
    await s.addProcedure(units.VHXH);
  });

  afterAll(async () => {
    await api?.close();
  });

  const revisionJson = async (revision: number) => {
    const response = await s.document(reportId, `format=json&revision=${revision}`);
    expect(response.status).toBe(200);
    return JSON.parse(response.body.toString('utf8'));
  };

  /** Compiled, approved, signed (chairman) and sent (coordinator) on the clock's days. */
  const approveSignSend = async (signOn: string) => {
    await s.reportEvent('coordinator', reportId, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', reportId, { type: 'APPROVE' });
    clock.set(vnTime(`${signOn}T09:00:00`));
    await s.reportEvent('chairman', reportId, { type: 'SIGN' });
    return s.reportEvent('coordinator', reportId, { type: 'SEND' });
  };

  it('sends Q1 as 01/BC-UBND, one dossier received in the period', async () => {
    await s.receive('Q1-C-0001', '2026-03-02T09:00:00');
    reportId = (await s.openAndCompile('quy', 2026, 1)).opened.id;
    const sent = await approveSignSend('2026-03-17');
    expect(sent).toMatchObject({
      state: 'sent',
      number: '01/BC-UBND',
      sentOn: '2026-03-17',
      late: false,
      corrects: null,
    });
    expect((await revisionJson(1)).content.dossiers.received).toBe(1);
  });

  it('restores a report stored as sent before corrections existed, the revision’s signature filled from it', async () => {
    // As it was stored before: no `corrects` in the snapshot, no signature on the revision.
    await s.db.query(
      "UPDATE periodic_reports SET snapshot = JSON_REMOVE(snapshot, '$.context.corrects') WHERE id = ?",
      [reportId],
    );
    await redoMigration(s.db, 'ReportRevisionSignatures1763803700000');
    const [stored] = await s.db.query(
      'SELECT snapshot, machine_version FROM periodic_reports WHERE id = ?',
      [reportId],
    );
    const snapshot =
      typeof stored.snapshot === 'string' ? JSON.parse(stored.snapshot) : stored.snapshot;
    expect(stored.machine_version).toBe(1);
    expect('corrects' in snapshot.context).toBe(false);
    const view = await s.client.get('coordinator', `/reports/${reportId}`);
    expect(view.body).toMatchObject({ state: 'sent', corrects: null, allowedEvents: ['CORRECT'] });
    expect(view.body.revisions).toMatchObject([
      { revision: 1, number: '01/BC-UBND', signedOn: '2026-03-17', sentOn: '2026-03-17' },
    ]);
  });

  it('refuses a correction without a reason (400 naming it) or by another role than the coordinator (403)', async () => {
    const missing = await s.reportEvent('coordinator', reportId, { type: 'CORRECT' }, 400);
    expect(JSON.stringify(missing.message)).toContain('reason');
    await s.reportEvent('coordinator', reportId, { type: 'CORRECT', reason: '   ' }, 400);
    for (const username of ['chairman', 'leader', 'officer'])
      await s.reportEvent(username, reportId, { type: 'CORRECT', reason: REASON }, 403);
    // A sent report is corrected, not returned.
    await s.reportEvent('chairman', reportId, { type: 'RETURN', reason: REASON }, 409);
    expect((await s.report(reportId)).state).toBe('sent');
  });

  it('corrects it: revision 2 with the dossier entered late, approved, signed under a new number and sent', async () => {
    clock.set(vnTime('2026-04-02T08:00:00'));
    await s.receive('Q1-C-0002', '2026-03-05T10:00:00');
    const correcting = await s.reportEvent('coordinator', reportId, {
      type: 'CORRECT',
      reason: REASON,
    });
    expect(correcting).toMatchObject({
      state: 'compiling',
      number: null,
      sentOn: '2026-03-17',
      corrects: { revision: 1, number: '01/BC-UBND', signedOn: '2026-03-17', reason: REASON },
    });
    // The sent revision is not signed again: the correction needs figures of its own.
    const early = await s.reportEvent(
      'coordinator',
      reportId,
      { type: 'SUBMIT_FOR_APPROVAL' },
      409,
    );
    expect(early.message).toContain('Cần tổng hợp lại số liệu');
    const compiled = await s.compile(reportId);
    expect(compiled.revisions).toMatchObject([
      { revision: 1, number: '01/BC-UBND', correctsRevision: null },
      { revision: 2, number: null, correctsRevision: 1, correctionReason: REASON },
    ]);
    expect((await revisionJson(2)).content.dossiers.received).toBe(2);

    // The chairman takes back his signature before it is sent; signed again, the next number.
    await s.reportEvent('coordinator', reportId, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', reportId, { type: 'APPROVE' });
    await s.reportEvent('chairman', reportId, { type: 'SIGN' });
    await s.reportEvent('coordinator', reportId, { type: 'RETURN', reason: 'Sai trích yếu' }, 403);
    const returned = await s.reportEvent('chairman', reportId, {
      type: 'RETURN',
      reason: 'Sai trích yếu',
    });
    expect(returned).toMatchObject({
      state: 'compiling',
      number: null,
      returnReason: 'Sai trích yếu',
    });

    const sent = await approveSignSend('2026-04-03');
    expect(sent).toMatchObject({
      state: 'sent',
      revision: 2,
      number: '03/BC-UBND',
      // On time by its first sending; the correction does not make it late.
      sentOn: '2026-03-17',
      late: false,
      corrects: { revision: 1, number: '01/BC-UBND' },
    });
    expect(sent.revisions).toMatchObject([
      { revision: 1, number: '01/BC-UBND', signedOn: '2026-03-17', sentOn: '2026-03-17' },
      {
        revision: 2,
        number: '03/BC-UBND',
        signedOn: '2026-04-03',
        sentOn: '2026-04-03',
        correctsRevision: 1,
      },
    ]);
    const history = sent.history as { event: string; reason: string | null }[];
    expect(history.map((entry) => entry.event)).toEqual([
      'OPENED',
      'START_COMPILING',
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'SEND',
      'CORRECT',
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'RETURN',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'SEND',
    ]);
    expect(history.find((entry) => entry.event === 'CORRECT')?.reason).toBe(REASON);
  });

  it('downloads the sent revision as it was, and the correction naming the report it replaces', async () => {
    const first = await revisionJson(1);
    expect(first).toMatchObject({ revision: 1, number: '01/BC-UBND', replaces: null });
    expect(first.content.dossiers.received).toBe(1);
    const [stored] = await s.db.query(
      'SELECT content_hash FROM report_revisions WHERE report_id = ? AND revision = 1',
      [reportId],
    );
    expect(first.contentHash).toBe(stored.content_hash);
    const oldDocx = await docxText((await s.document(reportId, 'format=docx&revision=1')).body);
    expect(oldDocx).toContain('Số: 01/BC-UBND');
    expect(oldDocx).toContain('ngày 17 tháng 3 năm 2026');
    expect(oldDocx).toContain('Hồ sơ TTHC tiếp nhận: 1;');
    expect(oldDocx).not.toContain('thay thế');

    const latest = await docxText((await s.document(reportId, 'format=docx')).body);
    for (const expected of [
      'Số: 03/BC-UBND',
      'ngày 03 tháng 4 năm 2026',
      '(Đính chính, thay thế Báo cáo số 01/BC-UBND ngày 17/03/2026)',
      `Lý do đính chính: ${REASON}`,
      'Hồ sơ TTHC tiếp nhận: 2;',
    ])
      expect({ expected, found: latest.includes(expected) }).toEqual({ expected, found: true });
    expect(await revisionJson(2)).toMatchObject({
      number: '03/BC-UBND',
      replaces: { revision: 1, number: '01/BC-UBND', signedOn: '2026-03-17', reason: REASON },
    });
  });

  it('withdraws a signature before sending: the revision downloads as a draft marked withdrawn, its number spent', async () => {
    clock.set(vnTime('2026-04-06T08:00:00'));
    q2 = (await s.openAndCompile('quy', 2026, 2)).opened.id;
    await s.reportEvent('coordinator', q2, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', q2, { type: 'APPROVE' });
    clock.set(vnTime('2026-04-06T10:00:00'));
    const signed = await s.reportEvent('chairman', q2, { type: 'SIGN' });
    expect(signed).toMatchObject({ state: 'signed', number: '04/BC-UBND' });
    expect(signed.revisions).toMatchObject([
      { revision: 1, number: '04/BC-UBND', signedOn: '2026-04-06', signatureWithdrawn: null },
    ]);

    clock.set(vnTime('2026-04-07T09:00:00'));
    const returned = await s.reportEvent('chairman', q2, { type: 'RETURN', reason: WITHDRAWAL });
    expect(returned).toMatchObject({ state: 'compiling', number: null, returnReason: WITHDRAWAL });
    // The revision is no longer signed; what was signed and withdrawn, and why, stays on it.
    const withdrawn = {
      number: '04/BC-UBND',
      signedOn: '2026-04-06',
      withdrawnOn: '2026-04-07',
      reason: WITHDRAWAL,
    };
    expect(returned.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        number: null,
        signedOn: null,
        sentOn: null,
        signatureWithdrawn: withdrawn,
      }),
    ]);
    // The history keeps that it was signed under 04/BC-UBND, then returned by the signer.
    const history = returned.history as {
      event: string;
      from: string;
      reason: string | null;
      payload: { number?: string } | null;
    }[];
    expect(history.slice(-2)).toMatchObject([
      { event: 'SIGN', payload: { number: '04/BC-UBND' } },
      { event: 'RETURN', from: 'signed', reason: WITHDRAWAL },
    ]);

    // Downloaded, it is a draft, not the signed 04/BC-UBND.
    const json = JSON.parse((await s.document(q2, 'format=json&revision=1')).body.toString('utf8'));
    expect(json).toMatchObject({
      revision: 1,
      number: null,
      signedOn: null,
      signatureWithdrawn: withdrawn,
    });
    const docx = await docxText((await s.document(q2, 'format=docx&revision=1')).body);
    expect(docx).not.toContain('Số: 04/BC-UBND');
    for (const expected of [
      'Số: /BC-UBND',
      'ngày 06 tháng 4 năm 2026',
      'DỰ THẢO - ĐÃ THU HỒI CHỮ KÝ',
      'Báo cáo số 04/BC-UBND ngày 06/04/2026 đã được thu hồi chữ ký ngày 07/04/2026',
      `Lý do thu hồi: ${WITHDRAWAL}`,
    ])
      expect({ expected, found: docx.includes(expected) }).toEqual({ expected, found: true });

    // The register's line (sổ văn bản đi) keeps the number, spent, with its withdrawal.
    expect(
      await s.db.query(
        `SELECT number, DATE_FORMAT(signed_on, '%Y-%m-%d') AS signed_on, signer_name,
                DATE_FORMAT(signature_withdrawn_on, '%Y-%m-%d') AS withdrawn_on, withdrawal_reason
           FROM report_revisions WHERE report_id = ?`,
        [q2],
      ),
    ).toEqual([
      {
        number: '04/BC-UBND',
        signed_on: '2026-04-06',
        signer_name: expect.any(String),
        withdrawn_on: '2026-04-07',
        withdrawal_reason: WITHDRAWAL,
      },
    ]);
  });

  it('signs the withdrawn revision again under the next number; withdrawn again and compiled anew, it stays a draft', async () => {
    await s.reportEvent('coordinator', q2, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', q2, { type: 'APPROVE' });
    const again = await s.reportEvent('chairman', q2, { type: 'SIGN' });
    expect(again.revisions).toMatchObject([
      { revision: 1, number: '05/BC-UBND', signedOn: '2026-04-07', signatureWithdrawn: null },
    ]);
    // 04/BC-UBND is not given again.
    expect(
      await s.db.query("SELECT year, last_number FROM document_sequences WHERE kind = 'BC-UBND'"),
    ).toEqual([{ year: 2026, last_number: 5 }]);
    const resigned = await docxText((await s.document(q2, 'format=docx&revision=1')).body);
    expect(resigned).toContain('Số: 05/BC-UBND');
    expect(resigned).not.toContain('THU HỒI');

    clock.set(vnTime('2026-04-08T09:00:00'));
    await s.reportEvent('chairman', q2, { type: 'RETURN', reason: SECOND_WITHDRAWAL });
    await s.compile(q2);
    await s.reportEvent('coordinator', q2, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', q2, { type: 'APPROVE' });
    await s.reportEvent('chairman', q2, { type: 'SIGN' });
    const sent = await s.reportEvent('coordinator', q2, { type: 'SEND' });
    expect(sent).toMatchObject({ state: 'sent', revision: 2, number: '06/BC-UBND' });
    expect(sent.revisions).toMatchObject(Q2_REVISIONS);
    expect((sent.history as { event: string }[]).map((entry) => entry.event).slice(2)).toEqual([
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'RETURN',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'RETURN',
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'SEND',
    ]);
    const first = await docxText((await s.document(q2, 'format=docx&revision=1')).body);
    expect(first).toContain('Báo cáo số 05/BC-UBND ngày 07/04/2026 đã được thu hồi chữ ký');
    expect(first).toContain(`Lý do thu hồi: ${SECOND_WITHDRAWAL}`);
    expect(first).not.toContain('Số: 05/BC-UBND');
    const latest = await docxText((await s.document(q2, 'format=docx')).body);
    expect(latest).toContain('Số: 06/BC-UBND');
    expect(latest).not.toContain('THU HỒI');
  });

  it('marks the revisions withdrawn before this was kept from their history (migration)', async () => {
    await redoMigration(s.db, 'ReportSignatureWithdrawal1763804910000');
    expect((await s.report(q2)).revisions).toMatchObject(Q2_REVISIONS);
    // Q1's revisions were sent: the withdrawal of revision 2 before its sending is not kept.
    expect(
      ((await s.report(reportId)).revisions as { signatureWithdrawn: unknown }[]).map(
        (revision) => revision.signatureWithdrawn,
      ),
    ).toEqual([null, null]);
  });
});
