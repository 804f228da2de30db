import { Paragraph } from 'docx';
import { composeApologySlip, type ApologySlipData } from './apology-slip';
import {
  bodyParagraph,
  docLine,
  nationalHeader,
  renderNationalDocx,
  signatureBlock,
} from '@cchc/documents';

export async function renderApologyDocx(data: ApologySlipData): Promise<Buffer> {
  const slip = composeApologySlip(data);
  const draft = slip.draftMark
    ? [docLine({ text: slip.draftMark, size: 14, bold: true, color: 'C00000', align: 'right' })]
    : [];
  return renderNationalDocx(slip.title, [
    ...draft,
    nationalHeader(slip),
    docLine({ text: slip.title, size: 14, bold: true, before: 18 }),
    docLine({ text: slip.salutation, size: 14, before: 12 }),
    ...slip.contact.map((text) => docLine({ text, size: 14 })),
    ...slip.body.map(bodyParagraph),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    signatureBlock(slip),
  ]);
}
