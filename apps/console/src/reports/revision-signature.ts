import { formatIsoDate } from '../common/format';
import type { Revision } from './types';

/** The revision's number and day; a signature withdrawn before sending says so (not issued). */
export function signatureText(row: Revision): string {
  if (row.number) return `${row.number} ngày ${formatIsoDate(row.signedOn)}`;
  const withdrawn = row.signatureWithdrawn;
  if (!withdrawn) return 'Chưa ký';
  return `Số ${withdrawn.number} ngày ${formatIsoDate(withdrawn.signedOn)}: đã thu hồi chữ ký ngày ${formatIsoDate(withdrawn.withdrawnOn)}`;
}
