import { crc32, createDeflateRaw } from 'node:zlib';

/** Text, or text repeated (so hundreds of MB never sit in memory). */
type Piece = string | { repeat: string; times: number };

export interface ZipEntrySource {
  name: string;
  content: Piece[];
  /** A size to write in the headers instead of the true one (a lying archive). */
  declaredSize?: number;
}

function* chunksOf(content: Piece[]): Generator<Buffer> {
  for (const piece of content) {
    if (typeof piece === 'string') yield Buffer.from(piece);
    else {
      const chunk = Buffer.from(piece.repeat);
      for (let i = 0; i < piece.times; i += 1) yield chunk;
    }
  }
}

async function deflated(content: Piece[]): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let size = 0;
  let crc = 0;
  for (const chunk of chunksOf(content)) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(parts), size, crc };
}

/** A zip archive (deflate, no zip64) written by hand, for tests of what a crafted upload does. */
export async function zipArchive(sources: ZipEntrySource[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const source of sources) {
    const { data, size, crc } = await deflated(source.content);
    const declared = source.declaredSize ?? size;
    const name = Buffer.from(source.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sources.length, 8);
  end.writeUInt16LE(sources.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARAGRAPH = '<w:p><w:r><w:t>Nội dung lặp lại</w:t></w:r></w:p>';

/**
 * A DOCX whose document part is `megabytes` MB of the same paragraph, so the archive is
 * about a thousandth of that. `declaredMegabytes` makes the headers claim another size.
 */
export function docxOfParagraphs(megabytes: number, declaredMegabytes?: number): Promise<Buffer> {
  const block = PARAGRAPH.repeat(1024);
  return zipArchive([
    { name: '[Content_Types].xml', content: [CONTENT_TYPES] },
    { name: '_rels/.rels', content: [RELATIONSHIPS] },
    {
      name: 'word/document.xml',
      content: [
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
        { repeat: block, times: Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(block)) },
        '</w:body></w:document>',
      ],
      declaredSize:
        declaredMegabytes === undefined ? undefined : Math.round(declaredMegabytes * 1024 * 1024),
    },
  ]);
}
