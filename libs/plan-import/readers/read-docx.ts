import mammoth from 'mammoth';
import type { SourceDocument, SourceLine, SourceTable } from '../types';
import { PlanImportError } from '../plan-import-error';
import { expandSpans, parseHtmlBlocks } from './html-blocks';
import { assertSafeZip } from './safe-zip';

const UNREADABLE = 'Không đọc được tệp Word (.docx); tệp bị hỏng hoặc sai định dạng.';

// Images are irrelevant to a task table; without this mammoth inlines them as data URIs.
const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * DOCX through mammoth's HTML: mammoth keeps merged cells as colspan (w:gridSpan) and
 * rowspan (w:vMerge), which is all the structure a task table needs, so there is no need to
 * read word/document.xml ourselves. `sourceRow` counts blocks (paragraphs and table rows) in
 * document order, which matches the line numbers of the same document pasted as text.
 * The archive is measured first (assertSafeZip).
 */
export async function readDocx(data: Buffer): Promise<SourceDocument> {
  await assertSafeZip(data, UNREADABLE);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data }, { convertImage: dropImages })).value;
  } catch {
    throw new PlanImportError([{ row: null, field: 'table', message: UNREADABLE }]);
  }
  const tables: SourceTable[] = [];
  const text: SourceLine[] = [];
  let block = 0;
  for (const item of parseHtmlBlocks(html)) {
    if (item.kind === 'paragraph') {
      block += 1;
      if (item.text.trim() !== '') text.push({ sourceRow: block, text: item.text.trim() });
      continue;
    }
    const rows = expandSpans(item.rows).map((cells) => {
      block += 1;
      return { sourceRow: block, cells };
    });
    tables.push({ rows });
  }
  return { format: 'docx', tables, text, warnings: [] };
}
