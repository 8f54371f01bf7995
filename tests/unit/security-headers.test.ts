/**
 * The security headers are computed once and replayed per response: they must be exactly what
 * helmet sets when it runs on a real response.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayed, securityHeaders } from '../../server/security-headers.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const GRAPHIQL = '<html><script>window.x = 1;</script><script src="/a.js"></script></html>';

/** A server answering through `middleware`, then 200. */
async function serve(middleware: Middleware) {
  const server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

function securityOnly(headers: Headers): Record<string, string> {
  const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return Object.fromEntries([...headers].filter(([name]) => !skip.has(name)));
}

describe('security headers', () => {
  const servers: { url: string; close: () => Promise<unknown> }[] = [];
  const policies = securityHeaders(GRAPHIQL);
  beforeAll(async () => {
    servers.push(await serve(policies.page), await serve(policies.graphiql));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('replays exactly the headers helmet sets when it runs on each response', async () => {
    const options = {
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
      referrerPolicy: { policy: 'no-referrer' as const },
    };
    const live = await serve(helmet(options) as Middleware);
    const replay = await serve(replayed(helmet(options) as Middleware));
    try {
      const expected = securityOnly((await fetch(live.url)).headers);
      expect(expected['content-security-policy']).toBe("default-src 'self';frame-ancestors 'none'");
      expect(securityOnly((await fetch(replay.url)).headers)).toEqual(expected);
      expect(securityOnly((await fetch(replay.url)).headers)).toEqual(expected);
    } finally {
      await Promise.all([live.close(), replay.close()]);
    }
  });

  it('sets the project policy on every response', async () => {
    for (const server of servers) {
      const first = securityOnly((await fetch(server.url)).headers);
      expect(first['x-frame-options']).toBe('DENY');
      expect(first['referrer-policy']).toBe('no-referrer');
      expect(first['x-content-type-options']).toBe('nosniff');
      expect(first['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(securityOnly((await fetch(server.url)).headers)).toEqual(first);
    }
  });

  it("allows GraphiQL's inline script by its hash and the explorer none", async () => {
    const page = (await fetch(servers[0].url)).headers.get('content-security-policy') ?? '';
    const graphiql = (await fetch(servers[1].url)).headers.get('content-security-policy') ?? '';
    expect(page).toContain("script-src 'self';");
    expect(graphiql).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(graphiql).not.toContain('unsafe-inline\'; script');
  });
});
