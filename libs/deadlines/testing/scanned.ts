import { foldVietnamese } from '../normalize';

/** A cell as a scan may come back: accents lost, the first ư or ơ misread, the first space lost. */
export function scanned(cell: string): string {
  const misread = cell.replace(/[ưứừửữự]/iu, 'ti').replace(/[ơớờởỡợ]/iu, '6');
  return foldVietnamese(misread).replace(' ', '');
}
