/**
 * Hostile traffic at the HTTP level: an oversized chunked body, out-of-range integers,
 * cross-site-shaped requests (form POST, bare GET), the security headers, and a client that
 * trickles its headers in while a normal client is served.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { ensureCorpus, expectCleanErrors, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;
const TIMEOUTS = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 };

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  app = await startApp({ production: true, timeouts: TIMEOUTS });
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

const MB = 1024 * 1024;

/**
 * POSTs a 5 MB body in 64 KB chunks without Content-Length (chunked), over a raw socket, pausing
 * between chunks so that the server can answer early. Resolves, once the server has closed the
 * connection, with the answer and how much had been sent when its first byte came.
 */
function chunkedPost(baseUrl: string, total = 5 * MB): Promise<{ status: number; sentWhenAnswered: number; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let sentWhenAnswered = -1;
    let received = '';
    socket.on('data', (d) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      received += d;
    });
    socket.on('error', () => {}); // writing after the server closed: expected
    socket.on('close', () => {
      const [head, body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1] ?? 0), sentWhenAnswered, body: body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1) });
    });
    const writeChunk = (data: Buffer | string) => socket.write(`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`);
    const pump = () => {
      if (sentWhenAnswered >= 0 || socket.destroyed) return;
      if (sent >= total) {
        socket.write('0\r\n\r\n');
        return;
      }
      sent += chunk.length;
      writeChunk(chunk.toString());
      setTimeout(pump, 2);
    };
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    writeChunk('{"query": "{ stats { documents } }", "pad": "');
    pump();
  });
}

describe('request body limit', () => {
  it('answers a 5 MB chunked body with 413 before reading it all, and memory stays flat', async () => {
    const first = await chunkedPost(app.baseUrl);
    expect(first.status).toBe(413);
    expect(JSON.parse(first.body).errors[0].message).toMatch(/too large \(at most 262144 bytes\)/);
    expect(first.sentWhenAnswered).toBeLessThan(2 * MB);

    const before = process.memoryUsage().rss;
    for (let i = 0; i < 10; i++) {
      const res = await chunkedPost(app.baseUrl);
      expect(res.status).toBe(413);
    }
    const grown = process.memoryUsage().rss - before;
    // 10 bodies of 5 MB read whole would take well over 50 MB; refused at 256 KB they take none.
    expect(grown).toBeLessThan(20 * MB);

    // The server still answers afterwards.
    const ok = await app.gql('{ stats { documents } }');
    expect(ok.body.errors).toBeUndefined();
  });

  it('answers a declared Content-Length above the limit with 413 at once', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { documents } } # ${'x'.repeat(300_000)}` }),
    });
    expect(res.status).toBe(413);
  });
});

describe('integer arguments', () => {
  it('refuses a value beyond the GraphQL Int range with a clear error', async () => {
    const res = await app.gql('{ people(first: 10000000000) { id } }');
    expectCleanErrors(res.body, expect);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.some((e) => /Int cannot represent non 32-bit signed integer value: 10000000000/.test(e.message))).toBe(true);
  });

  it('refuses a page size above 500 naming the limit, literal or variable', async () => {
    const literal = await app.gql('{ people(first: 1000) { id } }');
    expectCleanErrors(literal.body, expect);
    expect(literal.body.errors?.[0].message).toBe('`first` must be at most 500 (got 1000).');
    expect(literal.body.errors?.[0].extensions?.limit).toBe(500);

    const variable = await app.gql('query($n: Int) { people(first: $n) { id } }', { n: 1000 });
    expectCleanErrors(variable.body, expect);
    expect(variable.body.errors?.[0].message).toBe('`first` must be between 0 and 500 (got 1000).');
    expect(variable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses neighbourhood(depth: 50) instead of answering depth 3', async () => {
    const { people } = (await app.gql('{ people(first: 1) { id } }')).body.data as { people: { id: string }[] };
    const res = await app.gql('query($id: ID!) { neighbourhood(id: $id, depth: 50) { nodes { id } } }', { id: people[0].id });
    expectCleanErrors(res.body, expect);
    expect(res.body.errors?.[0].message).toBe('`depth` must be between 0 and 3 (got 50).');
    expect(res.body.errors?.[0].extensions?.limit).toBe(3);
    const within = await app.gql('query($id: ID!) { neighbourhood(id: $id, depth: 3) { nodes { id } } }', { id: people[0].id });
    expect(within.body.errors).toBeUndefined();
  });
});

describe('cross-site request forgery', () => {
  it('refuses a form-encoded POST and a bare GET query', async () => {
    const form = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B%20stats%20%7B%20documents%20%7D%20%7D',
    });
    expect(form.status).toBe(403);
    const formBody = await form.json();
    expect(formBody.data ?? null).toBeNull();
    expect(formBody.errors[0].message).toMatch(/Content-Type: application\/json/);

    const text = await fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ stats { documents } }"}' });
    expect(text.status).toBe(403);

    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ stats { documents } }')}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(403);
  });

  it('answers JSON POSTs (client, GraphiQL, curl) and GETs that carry the CSRF header', async () => {
    const json = await app.gql('{ stats { documents } }');
    expect(json.status).toBe(200);
    expect(json.body.errors).toBeUndefined();
    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ stats { documents } }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(get.status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends CSP (own origin only, no framing), no-referrer and nosniff on pages and the API', async () => {
    for (const [path, accept] of [['/', 'text/html'], ['/graphql', 'text/html'], ['/health', 'application/json']]) {
      const res = await fetch(`${app.baseUrl}${path}`, { headers: { accept } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).not.toMatch(/https?:|\*/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('allows GraphiQL its own inline scripts by hash, not by unsafe-inline', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toMatch(/unsafe-inline/);
    const html = await res.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc\s*=/i.test(m[1]) && m[2].length > 0);
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import('node:crypto');
    for (const m of inline) expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  });
});

describe('server timeouts', () => {
  it('closes a connection that trickles its headers, while a normal request is answered', async () => {
    const started = Date.now();
    const { port } = new URL(app.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('X-Slow: a\r\n');
    }, 200);

    const normal = await app.gql('{ stats { documents } }');
    expect(normal.status).toBe(200);
    expect(normal.body.errors).toBeUndefined();

    const closedAfter = await closed;
    clearInterval(trickle);
    // headersTimeout 1 s, checked every 0.5 s here: closed well before the client would stop.
    expect(closedAfter).toBeLessThan(TIMEOUTS.headersTimeoutMs + 1500);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps serving a normal keep-alive client', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await app.gql('{ stats { documents } }');
      expect(res.status).toBe(200);
    }
  });
});
