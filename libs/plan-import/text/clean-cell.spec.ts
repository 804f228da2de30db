import { cleanCellText } from './clean-cell';

describe('cleanCellText', () => {
  it('drops HTML remnants of the converter but keeps the text between them', () => {
    const pasted =
      '<ul style="list-style-type: none"> - Kế hoạch; - Văn bản</ul> <p>pháp luật;</p>';
    expect(cleanCellText(pasted)).toBe('- Kế hoạch; - Văn bản pháp luật;');
  });

  it('drops markdown bold markers', () => {
    expect(cleanCellText('**Cả năm 2026**')).toBe('Cả năm 2026');
  });

  it('keeps line breaks inside a cell and collapses other whitespace', () => {
    expect(cleanCellText(' Phòng VHXH ;\r\n\n  Công an\u00a0 phường ')).toBe(
      'Phòng VHXH ;\nCông an phường',
    );
  });

  it('leaves text that merely contains "<" alone', () => {
    expect(cleanCellText('Tỷ lệ < 5%')).toBe('Tỷ lệ < 5%');
  });
});

describe('cleanCellText entities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(cleanCellText('HĐND&amp;UBND &lt;b&gt; &#7843; &#x1EA3; &unknown;')).toBe(
      'HĐND&UBND <b> ả ả &unknown;',
    );
  });

  it('turns a numeric entity outside Unicode into U+FFFD instead of throwing', () => {
    expect(cleanCellText('a &#99999999; b')).toBe('a \uFFFD b');
  });
});
