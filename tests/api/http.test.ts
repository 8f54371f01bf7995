/** The HTTP surface: health, readiness, SDL download, GraphiQL, CORS and the built client. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver } from '../setup/neo4j.ts';
import { startApp, type RunningApp } from './harness.ts';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

describe('service endpoints', () => {
  it('/health answers 200 and /ready 200 while Neo4j answers', async () => {
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
  });

  it('serves the SDL at /schema.graphql', async () => {
    const res = await fetch(`${app.baseUrl}/schema.graphql`);
    expect(res.status).toBe(200);
    const sdl = await res.text();
    expect(sdl).toMatch(/type Query \{/);
    expect(sdl).toMatch(/relatedProgrammes\(id: ID!, first: Int = 10\): \[RelatedProgramme!\]!/);
    expect(sdl).not.toMatch(/type Mutation/);
  });

  it('serves GraphiQL to a browser GET at /graphql', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/graphiql/i);
  });

  it('answers a query over GET too (read-only), with the CSRF header', async () => {
    const res = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ stats { documents } }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.stats.documents).toBeGreaterThan(0);
  });
});

describe('CORS', () => {
  it('sends no CORS headers unless origins are configured', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins', async () => {
    const cors = await startApp({ corsOrigins: ['https://tool.example'] });
    try {
      const allowed = await fetch(`${cors.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://tool.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tool.example');
      const other = await fetch(`${cors.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    } finally {
      await cors.close();
    }
  });
});

describe('the built client at /', () => {
  it('says the client is not built when there is none', async () => {
    const res = await fetch(`${app.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/not built/i);
  });

  it('serves files, hashed assets immutable, index.html for client routes, nothing outside the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
    writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const site = await startApp({ clientDir: dir });
    try {
      const index = await fetch(`${site.baseUrl}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(await index.text()).toMatch(/explorer/);

      const asset = await fetch(`${site.baseUrl}/assets/app-1a2b3c.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);

      const etag = asset.headers.get('etag')!;
      const again = await fetch(`${site.baseUrl}/assets/app-1a2b3c.js`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);

      const route = await fetch(`${site.baseUrl}/entity/person:someone`);
      expect(route.status).toBe(200);
      expect(await route.text()).toMatch(/explorer/);

      expect((await fetch(`${site.baseUrl}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${site.baseUrl}/..%2F..%2Fetc%2Fpasswd`)).status).not.toBe(500);
      const traversal = await fetch(`${site.baseUrl}/..%2F..%2Fetc%2Fpasswd`);
      expect(await traversal.text()).not.toMatch(/root:/);
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
