import { RequestContext } from './request-context';

describe('RequestContext.memo', () => {
  it('reads once per key within a request, and afresh in the next request', async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    const first = await RequestContext.run('a', () =>
      Promise.all([RequestContext.memo('k', read), RequestContext.memo('k', read)]),
    );
    expect(first).toEqual([1, 1]);
    expect(await RequestContext.run('b', () => RequestContext.memo('k', read))).toBe(2);
  });

  it('reads each time outside a request', async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    await RequestContext.memo('k', read);
    expect(await RequestContext.memo('k', read)).toBe(2);
  });
});
