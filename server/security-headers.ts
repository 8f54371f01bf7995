/**
 * Security headers (helmet) for everything the server answers. The Content-Security-Policy
 * allows the project's own origin only: no CDN, no other site may frame the pages
 * (`frame-ancestors 'none'`), no referrer leaves, no MIME sniffing.
 *
 * Two policies:
 * - the explorer and every other answer: scripts and styles from 'self' only (Vite emits files,
 *   no inline code; the favicon is a data: URL, Cytoscape draws on a canvas);
 * - GraphiQL at /graphql: Yoga renders it with inline <script> blocks. Rather than
 *   'unsafe-inline', the policy allows exactly those scripts by their SHA-256 hashes, taken from
 *   the page Yoga renders when the server starts (so it follows whatever GraphiQL is served,
 *   self-hosted included). Its editor (Monaco) starts web workers from blob: URLs and injects
 *   <style> elements at run time, so that page gets worker-src blob: and style-src
 *   'unsafe-inline' (styles cannot run code; scripts stay locked to 'self' and the hashes).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const COMMON = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // Not on plain HTTP (localhost); a proxy that terminates TLS can add it.
  upgradeInsecureRequests: null,
};

function headers(directives: Record<string, string[] | null>): Middleware {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // HSTS is for the TLS front of a deployment, not this plain-HTTP server.
    strictTransportSecurity: false,
  }) as Middleware;
  return replayed(middleware);
}

/**
 * With fixed directives (no per-request nonces) helmet sets the same headers on every response:
 * run it once against a recording response and replay what it did, instead of running its
 * twelve middlewares and rebuilding the CSP string per request.
 */
export function replayed(middleware: Middleware): Middleware {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  let done = false;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be replayed');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** The SHA-256 CSP sources of the inline <script> blocks of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2].length === 0) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export interface SecurityHeaders {
  page: Middleware;
  graphiql: Middleware;
}

export function securityHeaders(graphiqlHtml: string): SecurityHeaders {
  return {
    page: headers({ ...COMMON, scriptSrc: ["'self'"], styleSrc: ["'self'"], workerSrc: ["'self'"] }),
    graphiql: headers({
      ...COMMON,
      scriptSrc: ["'self'", ...inlineScriptHashes(graphiqlHtml)],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
    }),
  };
}
