import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.ts';

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Lets through only requests bearing `token` (`Authorization: Bearer TOKEN`); 401 otherwise. */
export function requireBearer(token: string, setting: string): RequestHandler {
  return (request, _response, next) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, token)) throw new HttpError(401, 'unauthorized', `Send the ${setting} as \`Authorization: Bearer TOKEN\`.`);
    next();
  };
}
