import { randomUUID } from 'node:crypto';
import { access, mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { EvidenceStorage } from './evidence-storage';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Evidence on the local disk, one file per hash under `<root>/<first two hex digits>/`.
 * A file appears whole or not at all: it is written under a temporary name, then renamed.
 */
export class LocalEvidenceStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  async put(sha256: string, data: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) return;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  }

  async get(sha256: string): Promise<Readable> {
    const handle = await open(this.pathOf(sha256), 'r');
    return handle.createReadStream();
  }

  private pathOf(sha256: string): string {
    // The hash names a path: anything but 64 hex digits could leave the root.
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
