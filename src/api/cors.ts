import type { RequestHandler } from 'express';

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the configured origins only: `*` must be listed explicitly to allow every origin.
 * Small enough to own (the `cors` package would need the same allow-list logic around it), and
 * it relaxes nothing else: GET and HEAD only, no credentials.
 */
export function corsForOrigins(allowedOrigins: readonly string[]): RequestHandler {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    const origin = request.headers.origin;
    response.vary('Origin');
    if (origin && (anyOrigin || allowed.has(origin))) {
      // The widget reads Retry-After to tell users when to try again after a 503 or 429.
      response.set({ 'Access-Control-Allow-Origin': anyOrigin ? '*' : origin, 'Access-Control-Expose-Headers': 'Retry-After' });
      if (request.method === 'OPTIONS') {
        response
          .set({
            'Access-Control-Allow-Methods': 'GET, HEAD',
            'Access-Control-Allow-Headers': 'Content-Type',
            'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
          })
          .status(204)
          .end();
        return;
      }
    } else if (origin && request.method === 'OPTIONS') {
      response.status(403).json({ error: { code: 'origin_not_allowed', message: `Origin ${origin} is not allowed; add it to ALLOWED_ORIGINS.`, details: null } });
      return;
    }
    next();
  };
}
