// Minimal typing for autocannon (no @types package installed): what bench/api.ts uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    verifyBody?: (body: string) => boolean;
  }
  interface Result {
    non2xx: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    requests: { average: number; total: number };
    latency: Record<string, number>;
  }
  type Instance = EventEmitter & PromiseLike<Result>;
  function autocannon(options: Options): Instance;
  export default autocannon;
}
