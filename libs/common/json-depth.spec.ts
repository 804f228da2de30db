import { jsonDepth } from './json-depth';

const depthOf = (text: string, stopAbove = 100) => jsonDepth(Buffer.from(text), stopAbove);

describe('jsonDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('{"a":1}')).toBe(1);
    expect(depthOf('{"a":[{"b":[]}],"c":{}}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[{{{","b":"\\"[[["}')).toBe(1);
    expect(depthOf('["Phường \\\\", ["Mẫu"]]')).toBe(2);
  });

  it('stops counting once the limit is passed', () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect(depthOf(deep, 32)).toBe(33);
  });
});
