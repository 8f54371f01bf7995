/**
 * Limits at the HTTP level, before GraphQL sees anything: the request body is counted as it
 * arrives (Content-Length or chunked alike) and refused once it passes the limit, and slow
 * senders are cut off by the server's timeouts.
 */
import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';

export const MAX_BODY_BYTES = 256 * 1024;

export interface TimeoutOptions {
  /** All request headers must have arrived within this (slowloris). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

/**
 * Normal clients send a request in milliseconds; 10 s for the headers and 30 s for the whole
 * request leave room for slow mobile links. Keep-alive 5 s is Node's default, stated here.
 */
export const DEFAULT_TIMEOUTS: TimeoutOptions = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** Options for http.createServer. Node checks the header and request timeouts every `connectionsCheckingInterval`. */
export function serverTimeouts(t: TimeoutOptions): ServerOptions {
  return {
    headersTimeout: t.headersTimeoutMs,
    requestTimeout: t.requestTimeoutMs,
    keepAliveTimeout: t.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, t.headersTimeoutMs / 2),
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  // The rest of the body is not read: the connection is closed once the answer is out.
  res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }));
}

/**
 * Reads the body of `req` (at most `limit` bytes, counted on the bytes received) and hands it to
 * `next` as `req.body`, where Yoga's Node adapter takes it instead of reading the stream again.
 * A larger body gets 413 as soon as the limit is passed, without buffering the rest.
 */
export function readBodyWithin(limit: number) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const declared = req.headers['content-length'];
    getRawBody(req, { limit, length: declared === undefined ? undefined : Number(declared) }).then(
      (body) => {
        if (body.length > 0) req.body = body;
        next();
      },
      (error: { type?: string; status?: number }) => {
        if (res.headersSent || res.destroyed) return;
        if (error.type === 'entity.too.large') refuse(res, 413, `The request body is too large (at most ${limit} bytes).`);
        else if (error.type === 'request.size.invalid') refuse(res, 400, 'The request body does not match its Content-Length.');
        else refuse(res, 400, 'The request body could not be read.');
      },
    );
  };
}
