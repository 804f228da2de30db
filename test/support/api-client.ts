import request from 'supertest';
import { App } from 'supertest/types';

/** Logs in demo users and sends authorised requests to an API server. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly server: App | string) {}

  async login(username: string, password = 'demo'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await request(this.server)
      .post('/auth/login')
      .send({ username, password })
      .expect(200);
    this.tokens.set(username, response.body.accessToken);
    return response.body.accessToken;
  }

  async get(username: string, path: string): Promise<request.Response> {
    return request(this.server)
      .get(path)
      .set('Authorization', `Bearer ${await this.login(username)}`);
  }

  async post(username: string, path: string, body?: object): Promise<request.Response> {
    return request(this.server)
      .post(path)
      .set('Authorization', `Bearer ${await this.login(username)}`)
      .send(body ?? {});
  }

  async patch(username: string, path: string, body?: object): Promise<request.Response> {
    return request(this.server)
      .patch(path)
      .set('Authorization', `Bearer ${await this.login(username)}`)
      .send(body ?? {});
  }

  async put(username: string, path: string, body?: object): Promise<request.Response> {
    return request(this.server)
      .put(path)
      .set('Authorization', `Bearer ${await this.login(username)}`)
      .send(body ?? {});
  }
}
