/**
 * What antd's tables, modals and grid ask of a browser, and jsdom lacks (matchMedia,
 * ResizeObserver): stubbed for the calling test file's tests.
 */
export function stubBrowserForAntd(): void {
  beforeAll(() => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
    }));
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });
  afterAll(() => vi.unstubAllGlobals());
}
