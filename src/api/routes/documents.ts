import { Router } from 'express';
import type { EngineCall } from '../engine-calls.ts';
import { HttpError } from '../errors.ts';
import { documentIdSchema, emptyQuerySchema, type DocumentBody } from '../schemas.ts';

export function documentRoutes(engine: EngineCall): Router {
  const router = Router();
  router.get('/documents/:id', async (request, response) => {
    emptyQuerySchema.parse(request.query);
    const id = documentIdSchema.parse(request.params.id);
    const document: DocumentBody | null = await engine('get_document', (e) => e.getDocument(id));
    if (!document) throw new HttpError(404, 'not_found', `No document with id "${id}".`);
    response.json(document);
  });
  return router;
}
