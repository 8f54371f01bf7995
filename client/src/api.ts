/**
 * A small GraphQL client: POST /graphql with a timeout, one error type with a Dutch
 * message for every way a request can fail, and cancellation through AbortSignal.
 */

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'graphql' | 'aborted';

export class ApiError extends Error {
  constructor(message: string, readonly kind: ApiErrorKind, readonly code?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const DEFAULT_TIMEOUT_MS = 12_000;

let endpoint = '/graphql';

export function setEndpoint(url: string): void {
  endpoint = url;
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  try {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
    } catch {
      throw failure(timedOut, options.signal);
    }

    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      if (controller.signal.aborted) throw failure(timedOut, options.signal);
      throw new ApiError(`De server gaf een onleesbaar antwoord (HTTP ${response.status}).`, 'http');
    }

    if (body.errors?.length) {
      const first = body.errors[0];
      const code = first.extensions?.code;
      throw new ApiError(`De vraag kon niet worden beantwoord: ${first.message}${code ? ` (${code})` : ''}`, 'graphql', code);
    }
    if (!response.ok || body.data === undefined || body.data === null) {
      throw new ApiError(`De server gaf een fout (HTTP ${response.status}). Probeer het later opnieuw.`, 'http');
    }
    return body.data;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function failure(timedOut: boolean, outer?: AbortSignal): ApiError {
  if (timedOut) return new ApiError('De server reageert niet op tijd. Probeer het opnieuw.', 'timeout');
  if (outer?.aborted) return new ApiError('Afgebroken.', 'aborted');
  return new ApiError('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.', 'network');
}

export function isAbort(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'aborted';
}
