import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalEvidenceStorage } from './local-evidence-storage';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalEvidenceStorage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'evidence-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps the same bytes once, under their hash, and gives them back', async () => {
    const data = Buffer.from('Biên bản nghiệm thu');
    const hash = sha256(data);
    const storage = new LocalEvidenceStorage(root);
    await storage.put(hash, data);
    await storage.put(hash, data);
    expect(await readdir(join(root, hash.slice(0, 2)))).toEqual([hash]);
    expect(await read(await new LocalEvidenceStorage(root).get(hash))).toEqual(data);
  });

  it('refuses a key that is not a SHA-256, so no path leaves the root', async () => {
    const storage = new LocalEvidenceStorage(root);
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/SHA-256/);
    await expect(storage.get('..')).rejects.toThrow(/SHA-256/);
  });

  it('fails to open bytes it never stored', async () => {
    await expect(new LocalEvidenceStorage(root).get(sha256(Buffer.from('?')))).rejects.toThrow(
      /ENOENT/,
    );
  });
});
