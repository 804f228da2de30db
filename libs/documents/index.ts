// Public API of @cchc/documents: the national layout of an administrative document (Quốc hiệu,
// tiêu ngữ, place and date, signature block) in DOCX, shared by every document the product writes
// (apology slips, periodic reports, inspection minutes and notices, PAR-Index exports). Pure code.
export * from './national-docx';
export * from './national-text';
