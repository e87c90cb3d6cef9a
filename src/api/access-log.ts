import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  namespace Express {
    interface Locals {
      /** This request's id, as sent back in X-Request-Id and written in its log lines. */
      requestId: string;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when well-formed, else a new UUID), sends it
 * back in X-Request-Id, and writes one access-log line per request once its response is done.
 *
 * Written out rather than pino-http, which builds a child logger per request and serializes the
 * whole request into it before the handler runs, logging on or off: on a cached search it cost
 * more CPU than any other middleware. Its line also carried every
 * request and response header, the admin route's `Authorization: Bearer` token included; this one
 * names the fields worth keeping. `request.ip` is the client's address behind a trusted proxy.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', id);
    response.locals.requestId = id;
    if (logger.isLevelEnabled('info')) {
      const started = performance.now();
      // 'close' comes after 'finish' for a complete response, and alone for an aborted one.
      response.once('close', () => {
        const status = response.statusCode;
        logger.info(
          {
            reqId: id,
            req: { method: request.method, url: request.originalUrl, remoteAddress: request.ip, userAgent: request.headers['user-agent'] },
            res: { statusCode: status },
            responseTime: Math.round((performance.now() - started) * 100) / 100,
          },
          !response.writableFinished ? 'request aborted' : status >= 500 ? 'request errored' : 'request completed',
        );
      });
    }
    next();
  };
}
