import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { PACKAGE_ROOT } from '../../config/paths.ts';
import { HttpError } from '../errors.ts';

const WIDGET_DIR = join(PACKAGE_ROOT, 'dist', 'widget');

/** The embeddable widget and the demo page that uses it, as built by `npm run build`. */
export function staticRoutes(): Router {
  const router = Router();
  const serve = (file: string, maxAge: string) => (_request: unknown, response: import('express').Response) => {
    const path = join(WIDGET_DIR, file);
    if (!existsSync(path)) throw new HttpError(404, 'not_built', `${file} is not built: run \`npm run build\`.`);
    response.sendFile(path, { maxAge, headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } });
  };
  router.get('/widget.js', serve('widget.js', '5m'));
  router.get('/', serve('demo.html', '0'));
  return router;
}
