import { afterEach, vi } from 'vitest';
import { ApiError, data, http, onSessionExpired } from './http';

/** The browser's fetch, answering every request with this response (and noting the requests). */
function answer(status: number, body?: string, type = 'application/json') {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    requests.push(request);
    return new Response(body ?? null, { status, headers: body ? { 'Content-Type': type } : {} });
  });
  return requests;
}

describe('the API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers with the data, sending the path parameters and the set query values only', async () => {
    const requests = answer(200, JSON.stringify({ items: [], total: 0, page: 2, pageSize: 20 }));
    const page = await data(
      http.GET('/tasks', { params: { query: { page: 2, text: '', leaderId: undefined } } }),
    );
    expect(page.page).toBe(2);
    expect(new URL(requests[0].url).search).toBe('?page=2');
    expect(requests[0].credentials).toBe('same-origin');
  });

  it('turns a refusal into an ApiError with the API’s message and fields', async () => {
    answer(
      400,
      JSON.stringify({
        statusCode: 400,
        message: 'Dữ liệu không hợp lệ: dueDate: sai',
        fields: [{ field: 'dueDate', message: 'sai' }],
      }),
    );
    const refusal = await data(http.GET('/tasks/{id}', { params: { path: { id: 'x' } } })).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toBe('Dữ liệu không hợp lệ: dueDate: sai');
    expect((refusal as ApiError).body.fields).toEqual([{ field: 'dueDate', message: 'sai' }]);
  });

  it('keeps a refusal that is not JSON as its message, and names the status when it is empty', async () => {
    answer(502, 'Bad gateway', 'text/plain');
    await expect(data(http.GET('/org-units'))).rejects.toThrow('Bad gateway');
    answer(503);
    await expect(data(http.GET('/org-units'))).rejects.toThrow('Lỗi 503');
  });

  it('ends the session on a 401, but not for a wrong password at sign-in', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    answer(401, JSON.stringify({ statusCode: 401, message: 'Sai tên đăng nhập hoặc mật khẩu' }));
    await expect(
      data(http.POST('/auth/login', { body: { username: 'officer', password: 'x' } })),
    ).rejects.toThrow('Sai tên đăng nhập hoặc mật khẩu');
    expect(expired).not.toHaveBeenCalled();
    await expect(data(http.GET('/auth/me'))).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    stop();
  });
});
