import { Router } from 'express';
import type { SearchRequest } from '../../types/search.ts';
import type { EngineCall } from '../engine-calls.ts';
import { emptyQuerySchema, searchQuerySchema, suggestQuerySchema, type SearchResponseBody, type SuggestResponseBody } from '../schemas.ts';

export function searchRoutes(engine: EngineCall): Router {
  const router = Router();

  router.get('/search', async (request, response) => {
    const params = searchQuerySchema.parse(request.query);
    const searchRequest: SearchRequest = {
      q: params.q,
      filters: {
        ...(params.party ? { party: params.party } : {}),
        ...(params.country ? { country: params.country } : {}),
        ...(params.year ? { year: params.year } : {}),
        ...(params.year_from === undefined ? {} : { yearFrom: params.year_from }),
        ...(params.year_to === undefined ? {} : { yearTo: params.year_to }),
      },
      sort: params.sort,
      limit: params.limit,
      offset: params.offset,
      ...(params.verbatim ? { verbatim: true } : {}),
    };
    const started = performance.now();
    const result = await engine('search', (e) => e.search(searchRequest));
    const body: SearchResponseBody = {
      query: params.q,
      total: result.total,
      limit: params.limit,
      offset: params.offset,
      took_ms: Math.round((performance.now() - started) * 100) / 100,
      hits: result.hits,
      facets: result.facets,
      ...(result.didYouMean ? { did_you_mean: result.didYouMean } : {}),
      ...(result.interpreted ? { interpreted: result.interpreted } : {}),
    };
    response.json(body);
  });

  router.get('/suggest', async (request, response) => {
    const params = suggestQuerySchema.parse(request.query);
    const body: SuggestResponseBody = { query: params.q, suggestions: await engine('suggest', (e) => e.suggest(params.q, params.limit)) };
    response.json(body);
  });

  router.get('/facets', async (request, response) => {
    emptyQuerySchema.parse(request.query);
    response.json({ facets: await engine('facets', (e) => e.facets()) });
  });

  return router;
}
