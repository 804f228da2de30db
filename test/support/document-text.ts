// Text extraction for tests of documents (apology slips): what a reader sees.
import mammoth from 'mammoth';
import { execFile } from 'node:child_process';

// pdf-parse's PDF.js loads its worker with a dynamic import(), which Jest's module sandbox
// refuses; a plain Node process reads the PDF from stdin and answers with JSON.
const EXTRACT_PDF = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text, pages: total }));
});`;

/** Text as a reader sees it: NFC, every run of white space one space. */
export function flatten(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

export async function docxText(buffer: Buffer): Promise<string> {
  return flatten((await mammoth.extractRawText({ buffer })).value);
}

export async function pdfPages(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const json = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', EXTRACT_PDF],
      { cwd: __dirname },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
    child.stdin?.end(buffer);
  });
  const { text, pages } = JSON.parse(json) as { text: string; pages: number };
  return { text: flatten(text), pages };
}

export async function pdfText(buffer: Buffer): Promise<string> {
  return (await pdfPages(buffer)).text;
}
