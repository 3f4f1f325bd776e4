// Issue #15 (part 3): one wrapper turns whatever a route handler throws into the API's JSON error
// body, with the thrown ApiError's status, and a 500 that leaks nothing for anything else.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DataUnavailableError, badRequest, notFound } from '@/lib/http/api-errors';
import { apiHandler } from '@/lib/http/handler';

const request = () => new Request('http://localhost/api/x');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('apiHandler', () => {
  it('passes the request and the route context through, and the response back', async () => {
    const handler = apiHandler(async (req: Request, context: { params: Promise<{ slug: string }> }) =>
      Response.json({ url: req.url, slug: (await context.params).slug }, { status: 201 }),
    );
    const res = await handler(request(), { params: Promise.resolve({ slug: 'tumen' }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ url: 'http://localhost/api/x', slug: 'tumen' });
  });

  it.each([
    ['a 400', badRequest('Not a valid id.'), 400, 'bad_request'],
    ['a 404', notFound('No such route.'), 404, 'not_found'],
    ['a custom status', new ApiError(418, 'bad_request', 'Short and stout.'), 418, 'bad_request'],
  ])('answers %s thrown as an ApiError with its status and message as JSON', async (_, error, status, code) => {
    const res = await apiHandler(() => {
      throw error;
    })(request());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: code, message: error.message });
  });

  it('answers a rejected promise the same way as a throw', async () => {
    const res = await apiHandler(async () => Promise.reject(notFound('Gone.')))(request());
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'Gone.' });
  });

  it('answers an unavailable database with 503 and logs the cause', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await apiHandler(() => {
      throw new DataUnavailableError('The atlas database is not ready.', { cause: new Error('SQLITE_CANTOPEN') });
    })(request());
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'unavailable', message: 'The atlas database is not ready.' });
    expect(log).toHaveBeenCalled();
  });

  it('answers any other error with a 500 that does not leak its message, and logs it in full', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await apiHandler(async () => {
      throw new Error('secret: /srv/data/atlas.db is locked by pid 4242');
    })(request());
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/secret|atlas\.db|4242/);
    expect(log.mock.calls.flat().some((a) => a instanceof Error && a.message.includes('secret'))).toBe(true);
  });
});
