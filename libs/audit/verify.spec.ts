import { generateKeyPairSync } from 'node:crypto';
import { BUNDLE_FORMAT, bundleLine, verifyBundle } from './bundle';
import { canonicalJson, eventHash, GENESIS_HASH } from './canonical';
import { merkleRoot } from './merkle';
import { developmentSigningKey, publicKeyPem, signCheckpoint } from './signing';
import { AuditVerifier, StoredCheckpoint, StoredEvent, StoredRow } from './verify';

const key = developmentSigningKey();
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

function chain(instanceId: string, count: number, reasonOf = (seq: number) => `lý do ${seq}`) {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      instanceType: 'reform-task',
      instanceId,
      seq,
      eventType: seq === 1 ? 'CREATED' : 'START',
      fromState: seq === 1 ? null : 'giao',
      toState: 'dang_thuc_hien',
      actorId: 'u-1',
      actorRole: 'officer',
      reason: reasonOf(seq),
      payload: { seq },
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    };
    const hash = eventHash(content, prev);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

function checkpointOver(events: StoredEvent[], signer = key): StoredCheckpoint {
  const heads = [A, B].flatMap((id) => {
    const last = events.filter((e) => e.instanceId === id).at(-1);
    return last ? [{ instanceId: id, seq: last.seq, hash: last.hash! }] : [];
  });
  const content = {
    scope: 'ward-1',
    day: '2026-01-01',
    createdAt: new Date(Date.UTC(2026, 0, 1, 12)),
    instanceCount: heads.length,
    root: merkleRoot(heads),
  };
  return { ...content, id: '1', heads, signature: signCheckpoint(content, signer), keyId: 'k' };
}

/** The events as the database returns them: the payload as its stored text. */
function rows(events: StoredEvent[], text = canonicalJson): StoredRow[] {
  return events.map(({ payload, ...event }) => ({ ...event, payloadJson: text(payload) }));
}

function verify(
  events: (StoredEvent | StoredRow)[],
  checkpoints: StoredCheckpoint[],
  partial = false,
) {
  const verifier = new AuditVerifier(checkpoints, key, { partial });
  for (const event of events) verifier.add(event);
  return verifier.finish();
}

describe('AuditVerifier', () => {
  const history = [...chain(A, 5), ...chain(B, 3)];
  const checkpoint = checkpointOver(history);

  it('accepts an untouched history and its checkpoint', () => {
    const report = verify(history, [checkpoint]);
    expect(report).toMatchObject({ ok: true, events: 8, instances: 2, checkpoints: 1, breaks: [] });
  });

  it('names the event whose reason was changed', () => {
    const tampered = history.map((e) =>
      e.instanceId === A && e.seq === 3 ? { ...e, reason: 'khác' } : e,
    );
    const { ok, breaks } = verify(tampered, [checkpoint]);
    expect(ok).toBe(false);
    expect(breaks[0]).toMatchObject({ instanceId: A, seq: 3 });
    expect(breaks[0].message).toContain('đã bị sửa');
  });

  it('names a deleted event by its number', () => {
    const { breaks } = verify(
      history.filter((e) => !(e.instanceId === A && e.seq === 2)),
      [checkpoint],
    );
    expect(breaks[0]).toMatchObject({ instanceId: A, seq: 2 });
    expect(breaks[0].message).toContain('Thiếu sự kiện số 2');
  });

  it('names the first of two events whose numbers were swapped', () => {
    const swapped = history.map((e) =>
      e.instanceId === A && (e.seq === 2 || e.seq === 3) ? { ...e, seq: 5 - e.seq } : e,
    );
    swapped.sort((x, y) => x.instanceId.localeCompare(y.instanceId) || x.seq - y.seq);
    expect(verify(swapped, [checkpoint]).breaks[0]).toMatchObject({ instanceId: A, seq: 2 });
  });

  it('catches a chain truncated and re-appended consistently through the checkpoint head', () => {
    const rewritten = [
      ...chain(A, 5, (seq) => (seq >= 4 ? 'viết lại' : `lý do ${seq}`)),
      ...chain(B, 3),
    ];
    const chainsOnly = verify(rewritten, []);
    expect(chainsOnly.ok).toBe(true);
    const { breaks } = verify(rewritten, [checkpoint]);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ instanceId: A, seq: 5, checkpointId: '1' });
    const truncated = verify([...chain(A, 3), ...chain(B, 3)], [checkpoint]);
    expect(truncated.breaks[0]).toMatchObject({ instanceId: A, seq: 5 });
    expect(truncated.breaks[0].message).toContain('không còn trong nhật ký');
  });

  it('refuses a checkpoint signed with another key, or whose root or heads were edited', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = verify(history, [checkpointOver(history, other)]);
    expect(forged.breaks[0]).toMatchObject({ checkpointId: '1', instanceId: null });
    expect(forged.breaks[0].message).toContain('chữ ký không hợp lệ');
    const editedRoot = verify(history, [{ ...checkpoint, root: 'f'.repeat(64) }]);
    expect(editedRoot.breaks[0].message).toContain('chữ ký không hợp lệ');
    const editedHeads = verify(history, [{ ...checkpoint, heads: checkpoint.heads.slice(1) }]);
    expect(editedHeads.breaks[0].message).toContain('không khớp gốc Merkle');
  });

  it('with a partial range, trusts the first event read and leaves earlier heads unchecked', () => {
    const report = verify(
      history.filter((e) => e.seq >= 3),
      [checkpoint],
      true,
    );
    expect(report.ok).toBe(true);
    const early = checkpointOver(history.filter((e) => e.seq <= 2));
    expect(
      verify(
        history.filter((e) => e.seq >= 3),
        [early],
        true,
      ),
    ).toMatchObject({
      ok: true,
      uncheckedHeads: 2,
    });
  });

  it('reads stored payload text: canonical or not, and names an edited one', () => {
    expect(verify(rows(history), [checkpoint]).ok).toBe(true);
    // Another form of the same JSON (MySQL's normalised text, rows written before the canonical form).
    const spaced = (payload: unknown) => JSON.stringify(payload, null, 1);
    expect(verify(rows(history, spaced), [checkpoint]).ok).toBe(true);
    const edited = rows(history).map((e) =>
      e.instanceId === B && e.seq === 2 ? { ...e, payloadJson: '{"seq":3}' } : e,
    );
    expect(verify(edited, [checkpoint]).breaks[0]).toMatchObject({ instanceId: B, seq: 2 });
    for (const payloadJson of [null, 'null', '{"seq":', '{"seq":2,"x":1}']) {
      const changed = rows(history).map((e) =>
        e.instanceId === A && e.seq === 4 ? { ...e, payloadJson } : e,
      );
      expect(verify(changed, [checkpoint]).breaks[0]).toMatchObject({ instanceId: A, seq: 4 });
    }
  });

  it('verifies the chains in any interleaving, as the database reads them in order of writing', () => {
    const a = chain(A, 5);
    const b = chain(B, 3);
    const interleaved = [a[0], b[0], a[1], b[1], a[3], a[2], b[2], a[4]];
    expect(verify(interleaved, [checkpoint])).toMatchObject({ ok: true, events: 8, instances: 2 });
    // A gap is named once the whole history is read, events after it still checked against heads.
    const gap = verify([a[0], a[2], b[0], a[3], a[4], b[1], b[2]], [checkpoint]);
    expect(gap.breaks).toEqual([expect.objectContaining({ instanceId: A, seq: 2 })]);
    expect(gap.breaks[0].message).toContain('Thiếu sự kiện số 2');
    const repeated = verify([a[0], a[2], a[2], a[1], a[3], a[4], ...b], [checkpoint]);
    expect(repeated.breaks[0]).toMatchObject({ instanceId: A, seq: 3 });
    expect(repeated.breaks[0].message).toContain('bị lặp');
  });

  it('names breaks by instance and number, whatever order they were read in', () => {
    const tampered = [...chain(B, 3), ...chain(A, 5)].map((e) =>
      e.seq === 2 ? { ...e, reason: 'khác' } : e,
    );
    const { breaks } = verify(tampered, []);
    expect(breaks.map((item) => [item.instanceId, item.seq])).toEqual([
      [A, 2],
      [B, 2],
    ]);
  });
});

describe('verifyBundle', () => {
  const events = [...chain(A, 4), ...chain(B, 2)];
  const lines = (mutate = (e: StoredEvent) => e) => [
    bundleLine({
      kind: 'bundle',
      format: BUNDLE_FORMAT,
      wardId: 'ward-1',
      from: null,
      to: null,
      createdAt: new Date().toISOString(),
      publicKey: publicKeyPem(key),
      partial: false,
    }),
    bundleLine({ kind: 'checkpoint', ...checkpointOver(events) }),
    ...events.map((e) => bundleLine({ kind: 'event', ...mutate(e) })),
  ];
  async function* iterate(text: string[]) {
    yield* text.join('').split('\n');
  }

  it('verifies a bundle offline and names what was changed in it', async () => {
    await expect(verifyBundle(iterate(lines()))).resolves.toMatchObject({ ok: true, events: 6 });
    const report = await verifyBundle(
      iterate(lines((e) => (e.instanceId === B && e.seq === 2 ? { ...e, actorId: 'u-2' } : e))),
    );
    expect(report.breaks[0]).toMatchObject({ instanceId: B, seq: 2 });
  });

  it('checks the checkpoints against a pinned key, not only the one the bundle carries', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const report = await verifyBundle(iterate(lines()), other);
    expect(report.ok).toBe(false);
    expect(report.breaks[0].message).toContain('chữ ký không hợp lệ');
  });

  it('refuses a file that is not a bundle', async () => {
    await expect(verifyBundle(iterate(['{"kind":"event"}\n']))).rejects.toThrow(/không phải gói/);
  });
});
