import { entryTime } from './dossier-history';

describe("when a dossier's history entry happened", () => {
  it("dates the receipt at the dossier's receipt time, saying when it was recorded if later", () => {
    const receipt = { event: 'RECEIVED', at: '2026-02-27T03:05:00.123Z' };
    expect(entryTime(receipt, '2026-02-20T02:30:00.000Z')).toBe(
      '09:30 20/02/2026 (ghi nhận vào hệ thống lúc 10:05 27/02/2026)',
    );
    // Recorded as it was received: said once.
    expect(entryTime(receipt, '2026-02-27T03:05:00.000Z')).toBe('10:05 27/02/2026');
  });

  it('dates any other entry when it was recorded', () => {
    const started = { event: 'START_PROCESSING', at: '2026-02-27T03:05:00Z' };
    expect(entryTime(started, '2026-02-20T02:30:00Z')).toBe('10:05 27/02/2026');
  });
});
