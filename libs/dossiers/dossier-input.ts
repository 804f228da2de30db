import { createHash } from 'node:crypto';
import { vietnamInstant } from '@cchc/common';
import { CreateDossierDto } from './dto/create-dossier.dto';

/**
 * What makes two submissions of one dossier code the same dossier: every field the one-stop
 * system sends, blanks as absent, the receipt as an instant (Vietnam time when no zone is written).
 */
export function dossierContentHash(dto: CreateDossierDto): string {
  const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);
  const content = [
    dto.code,
    dto.procedureCode.trim(),
    dto.applicant.name.trim(),
    blank(dto.applicant.address),
    blank(dto.applicant.phone),
    blank(dto.applicant.email),
    vietnamInstant(dto.receivedAt)?.toISOString() ?? dto.receivedAt,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
