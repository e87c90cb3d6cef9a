import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { EngineError, EngineUnavailableError, IndexDamagedError } from '../errors.ts';

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

function body(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } };
}

export const notFound: RequestHandler = (request, response) => {
  response.status(404).json(body('not_found', `No route for ${request.method} ${request.path}`));
};

/** Every error leaves as `{"error": {"code", "message", "details"}}`; internals are logged, not shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    if (error instanceof ZodError) {
      const details = error.issues.map((issue) => ({ parameter: issue.path.join('.') || null, message: issue.message }));
      const message = details.map((detail) => (detail.parameter ? `${detail.parameter}: ${detail.message}` : detail.message)).join('; ');
      response.status(400).json(body('invalid_parameter', message, details));
    } else if (error instanceof HttpError) {
      response.status(error.status).json(body(error.code, error.message, error.details));
    } else if (error instanceof EngineUnavailableError) {
      if (error instanceof IndexDamagedError) logger.error({ err: error.cause, reqId: response.locals.requestId }, 'the index is damaged');
      response.set('Retry-After', String(RETRY_AFTER_SECONDS)).status(503).json(body(error.code, error.message));
    } else if (error instanceof EngineError) {
      logger.error({ err: error, reqId: response.locals.requestId }, 'engine error');
      response.status(502).json(body(error.code, error.message));
    } else if (typeof error === 'object' && error !== null && 'type' in error && typeof (error as { status?: unknown }).status === 'number') {
      // body-parser and friends: malformed or oversized request bodies.
      const status = (error as { status: number }).status;
      response.status(status).json(body('invalid_request', (error as Error).message));
    } else {
      logger.error({ err: error, reqId: response.locals.requestId }, 'unhandled error');
      response.status(500).json(body('internal_error', 'Internal error; the request id is in the X-Request-Id header.'));
    }
  };
}
