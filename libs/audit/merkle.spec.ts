import { createHash } from 'node:crypto';
import { ChainHead, merkleRoot } from './merkle';

const head = (n: number): ChainHead => ({
  instanceId: `i-${String(n).padStart(3, '0')}`,
  seq: n,
  hash: String(n % 10).repeat(64),
});
const sha = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};
const leaf = (h: ChainHead) => sha(Buffer.of(0), JSON.stringify([h.instanceId, h.seq, h.hash]));
const node = (a: Buffer, b: Buffer) => sha(Buffer.of(1), a, b);

describe('merkleRoot', () => {
  it('hashes leaves and nodes with distinct prefixes, carrying an odd node up', () => {
    const [a, b, c] = [head(1), head(2), head(3)];
    expect(merkleRoot([a])).toBe(leaf(a).toString('hex'));
    expect(merkleRoot([a, b])).toBe(node(leaf(a), leaf(b)).toString('hex'));
    expect(merkleRoot([a, b, c])).toBe(node(node(leaf(a), leaf(b)), leaf(c)).toString('hex'));
    expect(merkleRoot([])).toBe(sha(Buffer.of(0)).toString('hex'));
  });

  it('depends on the heads, not on the order they are given in', () => {
    const heads = Array.from({ length: 11 }, (_, i) => head(i + 1));
    const root = merkleRoot(heads);
    expect(merkleRoot([...heads].reverse())).toBe(root);
    expect(merkleRoot(heads.slice(1))).not.toBe(root);
    expect(merkleRoot(heads.map((h, i) => (i === 5 ? { ...h, seq: h.seq + 1 } : h)))).not.toBe(
      root,
    );
    expect(
      merkleRoot(heads.map((h, i) => (i === 7 ? { ...h, hash: 'f'.repeat(64) } : h))),
    ).not.toBe(root);
  });
});
