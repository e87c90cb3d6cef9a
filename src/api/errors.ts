import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { EngineError, VnsearchError } from '../errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Seconds a client should wait before retrying when the engine is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * What clients are told when the service cannot answer, by error code. The errors' own messages
 * name files and hosts: they go to the log only.
 */
const UNAVAILABLE_MESSAGES: Record<string, string> = {
  engine_unavailable: 'The search engine is unavailable; retry after the time in Retry-After.',
  index_damaged: 'The search index is damaged and is being repaired (`vnsearch index --rebuild`); retry after the time in Retry-After.',
};

function body(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } };
}

export const notFound: RequestHandler = (request, response) => {
  response.status(404).json(body('not_found', `No route for ${request.method} ${request.path}`));
};

/** For a path the API serves: 405 with `Allow` for other methods, 204 with `Allow` for a plain OPTIONS. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (request, response, next) => {
    if (allowed.includes(request.method)) {
      next();
      return;
    }
    response.set('Allow', allow);
    if (request.method === 'OPTIONS') response.status(204).end();
    else response.status(405).json(body('method_not_allowed', `${request.method} is not supported here; use ${allow}.`));
  };
}

function clientErrorStatus(error: unknown): number | null {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** Every error leaves as `{"error": {"code", "message", "details"}}`; internals are logged, not shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    const reqId = response.locals.requestId;
    if (error instanceof ZodError) {
      const details = error.issues.map((issue) => ({ parameter: issue.path.join('.') || null, message: issue.message }));
      const message = details.map((detail) => (detail.parameter ? `${detail.parameter}: ${detail.message}` : detail.message)).join('; ');
      response.status(400).json(body('invalid_parameter', message, details));
    } else if (error instanceof HttpError) {
      response.status(error.status).json(body(error.code, error.message, error.details));
    } else if (error instanceof VnsearchError && error.code in UNAVAILABLE_MESSAGES) {
      logger.warn({ reqId, code: error.code, reason: error.message }, 'service unavailable');
      response.set('Retry-After', String(RETRY_AFTER_SECONDS)).status(503).json(body(error.code, UNAVAILABLE_MESSAGES[error.code]!));
    } else if (error instanceof EngineError) {
      logger.error({ err: error, reqId }, 'engine error');
      response.status(502).json(body(error.code, 'The search engine refused the request; the request id is in the X-Request-Id header.'));
    } else if (error instanceof URIError && clientErrorStatus(error) === 400) {
      // The router could not percent-decode a path parameter (`/api/documents/%FF`): the client's mistake, not ours.
      logger.debug({ reqId, reason: error.message }, 'undecodable path');
      response.status(400).json(body('invalid_path', 'The path is not valid percent-encoded UTF-8.'));
    } else if (clientErrorStatus(error) !== null) {
      // body-parser and friends: malformed or oversized requests.
      logger.debug({ reqId, reason: (error as Error).message }, 'invalid request');
      response.status(clientErrorStatus(error)!).json(body('invalid_request', (error as Error).message));
    } else {
      logger.error({ err: error, reqId }, 'unhandled error');
      response.status(500).json(body('internal_error', 'Internal error; the request id is in the X-Request-Id header.'));
    }
  };
}
