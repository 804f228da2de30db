import { EvidenceKind } from './evidence-type';

/** Longest original name kept (characters), as the column allows. */
const NAME_MAX_LENGTH = 255;

/** The last path segment, without control characters, at most NAME_MAX_LENGTH characters. */
export function cleanFileName(fileName: string, kind: EvidenceKind): string {
  const base = fileName.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = Array.from(base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
    .slice(0, NAME_MAX_LENGTH)
    .join('')
    .trim();
  return clean || `minh-chung.${kind}`;
}
