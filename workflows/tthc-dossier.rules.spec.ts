import { DOSSIER_EVENT_TYPES, DossierEvent } from '@cchc/domain';
import {
  apologyReason,
  authorizeTthcDossier,
  isDossierEventType,
  tthcDossierPrecondition,
  tthcDossierUnavailable,
} from './tthc-dossier.rules';
import {
  actors,
  AFTER,
  APPOINTMENT,
  BEFORE,
  contextIn,
  DELAY_REASON,
  delayPending,
  LATER,
  overduePending,
  SLIP_REASON,
  validEvent,
} from './tthc-dossier.fixtures';

const ctx = contextIn('processing');

describe('isDossierEventType', () => {
  it('knows the ten event types and nothing else', () => {
    for (const type of DOSSIER_EVENT_TYPES) expect(isDossierEventType(type)).toBe(true);
    for (const value of ['START', 'approve_apology', '', null, 3]) {
      expect(isDossierEventType(value)).toBe(false);
    }
  });
});

describe('authorizeTthcDossier', () => {
  it('refuses an unknown event type and a missing actor', () => {
    expect(authorizeTthcDossier(ctx, 'PUBLISH', actors.oneStop)).toBe(
      'Loại sự kiện "PUBLISH" không hợp lệ.',
    );
    expect(authorizeTthcDossier(ctx, 'WITHDRAW', undefined)).toBe(
      'Không xác định được người gửi sự kiện.',
    );
    expect(authorizeTthcDossier(ctx, 'WITHDRAW', null)).toBe(
      'Không xác định được người gửi sự kiện.',
    );
  });

  it.each([
    ['WITHDRAW', 'oneStop', null],
    ['RETURN_RESULT', 'officer', 'Chỉ công chức Bộ phận một cửa mới được trả kết quả.'],
    ['APPROVE_APOLOGY', 'officer', 'Chỉ thủ trưởng đơn vị xử lý hồ sơ mới được ký phiếu'],
    ['APPROVE_APOLOGY', 'otherUnitHead', 'Hồ sơ do đơn vị khác xử lý. Chỉ thủ trưởng'],
    ['APPROVE_APOLOGY', 'oneStop', 'Chỉ thủ trưởng đơn vị xử lý hồ sơ mới được ký phiếu'],
    ['REQUEST_SUPPLEMENT', 'oneStop', 'Chỉ cán bộ, công chức hoặc thủ trưởng'],
    ['START_PROCESSING', 'chairman', 'Chỉ công chức Bộ phận một cửa hoặc cán bộ'],
    ['REJECT', 'inspector', 'Đoàn kiểm tra chỉ có quyền xem, không được thao tác trên hồ sơ.'],
    ['APPOINTMENT_MISSED', 'oneStop', 'Chỉ hệ thống mới được ghi nhận hồ sơ quá hạn'],
    ['APPOINTMENT_MISSED', 'system', null],
    ['RECORD_RESULT', 'system', 'Hệ thống chỉ được ghi nhận quá hạn hẹn trả'],
  ] as const)('%s by %s → %s', (type, name, expected) => {
    const message = authorizeTthcDossier(ctx, type, actors[name]);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });

  it('follows the handling unit of the context', () => {
    const elsewhere = contextIn('processing', { handlingUnitId: 'unit-B' });
    expect(authorizeTthcDossier(elsewhere, 'RECORD_RESULT', actors.otherOfficer)).toBeNull();
    expect(authorizeTthcDossier(elsewhere, 'RECORD_RESULT', actors.officer)).toContain(
      'đơn vị khác',
    );
  });
});

describe('tthcDossierUnavailable', () => {
  it.each([
    ['REPORT_DELAY', {}, null],
    ['REPORT_DELAY', delayPending, 'Đã báo trễ hạn cho ngày hẹn trả này.'],
    ['REPORT_DELAY', overduePending, 'Hồ sơ đã quá hạn hẹn trả'],
    ['REPORT_DELAY', { apologyRound: 1, apologyPending: overduePending.apologyPending }, 'chờ'],
    ['APPOINTMENT_MISSED', {}, null],
    ['APPOINTMENT_MISSED', delayPending, null],
    ['APPOINTMENT_MISSED', { overdue: true }, 'Đã ghi nhận hồ sơ quá hạn'],
    ['APPROVE_APOLOGY', {}, 'Không có phiếu xin lỗi nào đang chờ ký.'],
    ['APPROVE_APOLOGY', overduePending, null],
    ['RECORD_RESULT', overduePending, null],
  ] as const)('%s with %j → %s', (type, overrides, expected) => {
    const message = tthcDossierUnavailable(contextIn('processing', overrides), type);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});

describe('tthcDossierPrecondition', () => {
  it('includes the payload-free preconditions', () => {
    expect(tthcDossierPrecondition(ctx, validEvent('APPROVE_APOLOGY'))).toBe(
      tthcDossierUnavailable(ctx, 'APPROVE_APOLOGY'),
    );
  });

  it('refuses an invalid today', () => {
    for (const today of ['', '2026-3-1', '2026-02-29', '16/03/2026']) {
      expect(tthcDossierPrecondition(ctx, validEvent('RECORD_RESULT', actors.officer, today))).toBe(
        'Ngày hiện tại của sự kiện không hợp lệ.',
      );
    }
  });

  it('passes every valid event in a fitting context', () => {
    for (const type of DOSSIER_EVENT_TYPES) {
      const context = contextIn(
        type === 'SUPPLEMENT_RECEIVED' ? 'supplementRequested' : 'processing',
        type === 'APPROVE_APOLOGY' ? delayPending : {},
      );
      expect(tthcDossierPrecondition(context, validEvent(type))).toBeNull();
    }
  });

  it('writes dates the Vietnamese way', () => {
    expect(
      tthcDossierPrecondition(ctx, validEvent('APPOINTMENT_MISSED', actors.system, BEFORE)),
    ).toBe('Chưa đến ngày hẹn trả (16/03/2026).');
    const early = { ...validEvent('REPORT_DELAY'), proposedDate: APPOINTMENT } as DossierEvent;
    expect(tthcDossierPrecondition(ctx, early)).toBe(
      'Ngày hẹn trả đề xuất phải sau ngày hẹn hiện tại (16/03/2026).',
    );
  });
});

describe('apologyReason', () => {
  const approve = (reason?: string) =>
    ({
      type: 'APPROVE_APOLOGY',
      actor: actors.unitHead,
      today: AFTER,
      newAppointmentDate: LATER,
      ...(reason === undefined ? {} : { reason }),
    }) as Extract<DossierEvent, { type: 'APPROVE_APOLOGY' }>;

  it("prefers the head's reason, trimmed", () => {
    expect(apologyReason(contextIn('processing', delayPending), approve(` ${SLIP_REASON}  `))).toBe(
      SLIP_REASON,
    );
  });

  it("falls back to the unit's delay reason", () => {
    expect(apologyReason(contextIn('processing', delayPending), approve())).toBe(DELAY_REASON);
    expect(apologyReason(contextIn('processing', delayPending), approve(' '))).toBe(DELAY_REASON);
  });

  it('has none for an overdue slip without a written reason', () => {
    expect(apologyReason(contextIn('processing', overduePending), approve())).toBeNull();
  });
});
