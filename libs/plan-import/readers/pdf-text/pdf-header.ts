import { fieldsInHeaderText, HEADER_WORDS } from '../../table/columns';
import { foldKey } from '../../text/fold';
import type { PlanField, SourceLine } from '../../types';

/** The header of a table extracted from a PDF: its labels wrap over several lines. */
export interface PdfHeader {
  fields: PlanField[];
  sourceRow: number;
  /** Folded text of each header line, to recognise the header repeated after a page break. */
  lineKeys: string[];
  /** Index of the first line after the header. */
  end: number;
}

const MAX_HEADER_LINES = 15;

const isHeaderWords = (key: string) =>
  key !== '' && key.split(' ').every((word) => HEADER_WORDS.has(word));

/**
 * The first run of lines that starts with "TT"/"STT", is made of header words only, and names
 * the content and at least two other columns.
 */
export function findPdfHeader(lines: SourceLine[]): PdfHeader | null {
  for (let start = 0; start < lines.length; start += 1) {
    const first = foldKey(lines[start].text);
    if (!/^s?tt( |$)/.test(first) || !isHeaderWords(first)) continue;
    let end = start + 1;
    while (
      end < lines.length &&
      end - start < MAX_HEADER_LINES &&
      isHeaderWords(foldKey(lines[end].text))
    )
      end += 1;
    const block = lines.slice(start, end);
    const fields = fieldsInHeaderText(block.map((line) => line.text).join(' '));
    if (fields.includes('content') && fields.length >= 3) {
      return {
        fields,
        sourceRow: lines[start].sourceRow,
        lineKeys: block.map((line) => foldKey(line.text)),
        end,
      };
    }
  }
  return null;
}
