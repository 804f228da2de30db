import {
  composeApologySlip,
  DRAFT_MARK,
  InvalidApologySlipError,
  validateApologySlip,
} from '@cchc/apology-slip';
import { DRAFT_SLIP, ISSUED_SLIP } from './apology-slip.fixture';

describe('apology slip wording', () => {
  it('puts the agency upper case on top and the signer position upper case', () => {
    const slip = composeApologySlip(ISSUED_SLIP);
    expect(slip.superior).toBe('UBND PHƯỜNG LÊ THANH NGHỊ');
    expect(slip.issuer).toBe('PHÒNG VĂN HÓA - XÃ HỘI');
    expect(slip.signerPosition).toBe('TRƯỞNG PHÒNG');
    expect(slip.number).toBe('Số: 12/PXL-VHXH');
    expect(slip.draftMark).toBeNull();
  });

  it('marks a draft and leaves its number open', () => {
    const slip = composeApologySlip(DRAFT_SLIP);
    expect(slip.draftMark).toBe(DRAFT_MARK);
    expect(slip.number).toBe('Số: .../PXL-...');
  });

  it('leaves out the contact lines and procedure code the data does not have', () => {
    const { address: _a, phone: _p, email: _e, ...nameOnly } = ISSUED_SLIP.applicant;
    const slip = composeApologySlip({
      ...ISSUED_SLIP,
      applicant: nameOnly,
      procedureCode: undefined,
    });
    expect(slip.contact).toEqual([]);
    expect(slip.body.join(' ')).not.toContain('mã thủ tục');
    const phoneOnly = composeApologySlip({
      ...ISSUED_SLIP,
      applicant: { ...nameOnly, phone: '0912 345 678' },
    });
    expect(phoneOnly.contact).toEqual(['Điện thoại: 0912 345 678']);
  });

  it('ends the reason as a sentence without doubling its full stop', () => {
    const reasonOf = (reason: string) =>
      composeApologySlip({ ...ISSUED_SLIP, reason }).body.find((p) => p.startsWith('Lý do:'));
    expect(reasonOf('Chờ ý kiến của Sở')).toBe('Lý do: Chờ ý kiến của Sở.');
    expect(reasonOf('Chờ ý kiến của Sở.')).toBe('Lý do: Chờ ý kiến của Sở.');
  });

  it('states the receipt’s appointment, and the later one it was moved to when the slip replaces that', () => {
    const receiptLine = (slip: typeof ISSUED_SLIP) =>
      composeApologySlip(slip).body.find((line) => line.includes('Giấy tiếp nhận'));
    expect(receiptLine(ISSUED_SLIP)).toBe(
      'Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ngày 06/03/2026.',
    );
    // A second slip: the first moved the appointment to 13/3, missed too.
    const second = {
      ...ISSUED_SLIP,
      missedAppointment: '2026-03-13',
      newAppointment: '2026-03-20',
    };
    expect(receiptLine(second)).toBe(
      'Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ngày 06/03/2026. ' +
        'Thời hạn này đã được hẹn lại là ngày 13/03/2026.',
    );
    expect(composeApologySlip(second).body.join(' ')).toContain(
      'hẹn lại ngày trả kết quả giải quyết hồ sơ là ngày 20/03/2026.',
    );
  });

  it('accepts consistent data', () => {
    expect(validateApologySlip(ISSUED_SLIP)).toEqual([]);
    expect(validateApologySlip(DRAFT_SLIP)).toEqual([]);
  });

  it.each([
    ['a draft with a number', { draft: true }, 'a draft carries no number'],
    ['an issued slip without number', { number: null }, 'an issued slip needs its number'],
    ['an empty reason', { reason: '  ' }, 'reason is empty'],
    ['a malformed date', { issuedOn: '05/03/2026' }, 'issuedOn is not a date written YYYY-MM-DD'],
    [
      'a new appointment that is not later',
      { newAppointment: '2026-03-06' },
      'newAppointment is not after missedAppointment',
    ],

    [
      'an appointment before receipt',
      { originalAppointment: '2026-02-20' },
      'originalAppointment precedes receivedOn',
    ],
    ['a slip before receipt', { issuedOn: '2026-02-20' }, 'issuedOn precedes receivedOn'],
  ])('rejects %s', (_case, change, problem) => {
    const data = { ...ISSUED_SLIP, ...change };
    expect(validateApologySlip(data)).toContain(problem);
    expect(() => composeApologySlip(data)).toThrow(InvalidApologySlipError);
  });
});
