import { parse } from 'node:querystring';
import {
  decodeUtf8,
  firstNonUtf8Line,
  nonUtf8QueryParameter,
  NotUtf8Error,
  utf8Checked,
} from './utf8';

/** "Phòng" as Excel saves it in a Vietnamese or Western locale (cp1258/latin-1: ò is 0xF2). */
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function drain(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const read: Buffer[] = [];
  for await (const chunk of stream) read.push(chunk);
  return Buffer.concat(read);
}

describe('firstNonUtf8Line', () => {
  it('is null for UTF-8, Vietnamese and emoji included', () => {
    expect(firstNonUtf8Line(utf8('Phòng Văn hóa - Xã hội\n😀\r\n'))).toBeNull();
    expect(firstNonUtf8Line(Buffer.alloc(0))).toBeNull();
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('names the line of the first bad byte (%s line ends)', (_, end) => {
    const bytes = Buffer.concat([utf8(`Mã${end}Tên${end}`), latin1(`Phòng X${end}Phòng Y`)]);
    expect(firstNonUtf8Line(bytes)).toBe(3);
    expect(firstNonUtf8Line(bytes, 10)).toBe(12);
  });

  it('refuses encoded surrogates, overlong forms and a character cut off at the end', () => {
    expect(firstNonUtf8Line(Buffer.from([0x61, 0x0a, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstNonUtf8Line(Buffer.from([0xc0, 0xaf]))).toBe(1);
    expect(firstNonUtf8Line(utf8('ằ').subarray(0, 2))).toBe(1);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 as Buffer#toString does (a BOM is kept for the CSV reader)', () => {
    const bytes = utf8('\uFEFFPhòng');
    expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
  });

  it('throws NotUtf8Error with the line instead of writing U+FFFD', () => {
    expect(() => decodeUtf8(latin1('Phòng'))).toThrow(NotUtf8Error);
    expect(() => decodeUtf8(Buffer.concat([utf8('a\nb\n'), latin1('Trần')]))).toThrow(
      expect.objectContaining({ line: 3 }),
    );
  });
});

describe('utf8Checked', () => {
  const text = 'Mã hồ sơ,Người nộp\r\nH1,Nguyễn Thị Hằng\r\nH2,Trần Văn Ân 😀\n';

  it.each([1, 2, 3, 7, 1000])(
    'passes UTF-8 on unchanged in chunks of %i bytes, characters cut between chunks',
    async (size) => {
      expect((await drain(utf8Checked(chunks(utf8(text), size)))).toString()).toBe(text);
    },
  );

  it.each([1, 5, 1000])('names the line of a cp1258 byte (chunks of %i bytes)', async (size) => {
    const bytes = Buffer.concat([utf8(text), latin1('H3,Phòng X\r\nH4,y\n')]);
    await expect(drain(utf8Checked(chunks(bytes, size)))).rejects.toMatchObject({
      name: 'NotUtf8Error',
      line: 4,
    });
  });

  it('refuses a stream that ends inside a character, or in a bad byte with no line end', async () => {
    const cut = Buffer.concat([utf8('a\n'), utf8('ằ').subarray(0, 2)]);
    await expect(drain(utf8Checked(chunks(cut, 2)))).rejects.toMatchObject({ line: 2 });
    await expect(drain(utf8Checked(chunks(latin1('ò'), 1)))).rejects.toMatchObject({ line: 1 });
  });
});

describe('nonUtf8QueryParameter', () => {
  it('is null for UTF-8 queries, Vietnamese, emoji, + and stray % included', () => {
    for (const query of [
      '',
      'state=in_progress&page=2',
      `text=${encodeURIComponent('Phòng Văn hóa 😀')}&${encodeURIComponent('tên')}=x`,
      'text=a+b&flag&=&&x=%zz&y=%&z=100%25',
      'text=Ph%C3%B2ng',
    ]) {
      expect([query, nonUtf8QueryParameter(query)]).toEqual([query, null]);
    }
  });

  it.each([
    ['text=%C3%28', 'text'], // a sequence cut short
    ['page=1&text=%FF', 'text'], // a byte UTF-8 never has
    ['text=Ph%F2ng', 'text'], // "Phòng" in cp1258 / latin-1
    ['text=%C3', 'text'], // a sequence that never ends
    ['text=%ED%A0%80', 'text'], // a UTF-16 surrogate written as UTF-8 (CESU-8)
    ['text=%C0%AF', 'text'], // an overlong "/"
    [`${encodeURIComponent('tên')}=%FF`, 'tên'], // named decoded
    ['%FF=1', '%FF'], // the name itself: named as sent
    ['a=1&b=%E1%BA&c=%FF', 'b'], // the first one
  ])('names the parameter of %s', (query, name) => {
    // What Express's parser would make of it: U+FFFD, without a word.
    expect(JSON.stringify(parse(query))).toContain('\ufffd');
    expect(nonUtf8QueryParameter(query)).toBe(name);
  });
});
