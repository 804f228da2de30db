import {
  canonicalEvent,
  canonicalForm,
  canonicalJson,
  ChainedContent,
  eventHash,
  GENESIS_HASH,
} from './canonical';

const event: ChainedContent = {
  instanceType: 'reform-task',
  instanceId: '6f1c1f4e-0000-4000-8000-000000000001',
  seq: 2,
  eventType: 'SUBMIT_REPORT',
  fromState: 'dang_thuc_hien',
  toState: 'bao_cao',
  actorId: 'u-1',
  actorRole: 'officer',
  reason: 'Đã hoàn thành rà soát',
  payload: { b: 1, a: { d: [2, { z: 1, y: 'ư' }], c: null } },
  occurredAt: new Date('2026-03-01T02:03:04.567Z'),
};

describe('canonical audit form', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'ư' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":"ư","z":1}]},"b":1}',
    );
  });

  it('gives a value and the same value read back from its stored JSON one form', () => {
    const written = { when: new Date('2026-01-02T00:00:00Z'), skip: undefined, n: 1.5 };
    const readBack = JSON.parse(JSON.stringify(written));
    expect(canonicalJson(written)).toBe(canonicalJson(readBack));
    expect(canonicalJson(readBack)).toBe('{"n":1.5,"when":"2026-01-02T00:00:00.000Z"}');
    const odd = { list: [undefined, () => 1, NaN, 'ư'], nested: { keep: 0, drop: undefined } };
    expect(canonicalJson(odd)).toBe(canonicalJson(JSON.parse(JSON.stringify(odd))));
    expect(canonicalJson(odd)).toBe('{"list":[null,null,null,"ư"],"nested":{"keep":0}}');
  });

  it('covers every field, the time in UTC milliseconds and the previous hash', () => {
    const text = canonicalEvent(event, GENESIS_HASH);
    expect(JSON.parse(text)).toEqual([
      'cchc-audit-event/1',
      'reform-task',
      event.instanceId,
      2,
      'SUBMIT_REPORT',
      'dang_thuc_hien',
      'bao_cao',
      'u-1',
      'officer',
      'Đã hoàn thành rà soát',
      '{"a":{"c":null,"d":[2,{"y":"ư","z":1}]},"b":1}',
      Date.UTC(2026, 2, 1, 2, 3, 4, 567),
      GENESIS_HASH,
    ]);
  });

  it('builds the same text as stringifying the array, whatever the strings hold', () => {
    const odd = {
      ...event,
      instanceId: 'a"b\\c',
      reason: 'dòng 1\ndòng 2\t"trích"\u0001\ud800',
      fromState: null,
      actorId: null,
    };
    const payloadJson = canonicalJson(odd.payload);
    expect(canonicalForm(odd, payloadJson, GENESIS_HASH)).toBe(
      JSON.stringify([
        'cchc-audit-event/1',
        odd.instanceType,
        odd.instanceId,
        odd.seq,
        odd.eventType,
        odd.fromState,
        odd.toState,
        odd.actorId,
        odd.actorRole,
        odd.reason,
        payloadJson,
        odd.occurredAt.getTime(),
        GENESIS_HASH,
      ]),
    );
    expect(canonicalForm(odd, null, GENESIS_HASH)).toBe(
      canonicalEvent({ ...odd, payload: null }, GENESIS_HASH),
    );
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = eventHash(event, GENESIS_HASH);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants: Partial<ChainedContent>[] = [
      { instanceType: 'tthc-dossier' },
      { instanceId: 'other' },
      { seq: 3 },
      { eventType: 'APPROVE' },
      { fromState: null },
      { toState: 'nghiem_thu' },
      { actorId: null },
      { actorRole: 'system' },
      { reason: 'Đã hoàn thành rà soát.' },
      { reason: null },
      { payload: null },
      { payload: { b: 2, a: { d: [2, { z: 1, y: 'ư' }], c: null } } },
      { occurredAt: new Date('2026-03-01T02:03:04.568Z') },
    ];
    for (const variant of variants)
      expect(eventHash({ ...event, ...variant }, GENESIS_HASH)).not.toBe(base);
    expect(eventHash(event, 'a'.repeat(64))).not.toBe(base);
    // Key order alone is not content.
    expect(
      eventHash(
        { ...event, payload: { a: event.payload && (event.payload as { a: unknown }).a, b: 1 } },
        GENESIS_HASH,
      ),
    ).toBe(base);
  });
});
