import { MAX_QUERY_LENGTH } from './schemas.ts';

const stringArray = { type: 'array', items: { type: 'string' } };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const repeatable = (name: string, description: string, item: object) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'array', items: item },
  style: 'form',
  explode: true,
});

/** OpenAPI 3.1 description of the HTTP API, served at `/openapi.json`. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'vnsearch', version: '0.1.0', description: 'Vietnamese-aware full-text search with facets for party, country and year.' },
  paths: {
    '/api/search': {
      get: {
        summary: 'Search documents; an empty q with filters browses',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: MAX_QUERY_LENGTH }, description: 'Query, with or without diacritics, Telex accepted' },
          repeatable('party', 'Party filter (OR within, AND across facets)', { type: 'string' }),
          repeatable('country', 'Country filter', { type: 'string' }),
          repeatable('year', 'Year filter', { type: 'integer' }),
          { name: 'year_from', in: 'query', schema: { type: 'integer' } },
          { name: 'year_to', in: 'query', schema: { type: 'integer' } },
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['relevance', 'date_desc', 'date_asc'], default: 'relevance' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 10000, default: 0 } },
        ],
        responses: {
          200: { description: 'Results', content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResponse' } } } },
          400: errorResponse('Invalid parameter'),
          503: errorResponse('Engine unavailable; see Retry-After'),
        },
      },
    },
    '/api/suggest': {
      get: {
        summary: 'Up to 8 completions for as-you-type',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } }],
        responses: {
          200: {
            description: 'Suggestions',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { query: { type: 'string' }, suggestions: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, count: { type: 'integer' } } } } } },
              },
            },
          },
          400: errorResponse('Invalid parameter'),
        },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'One document',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The document', content: { 'application/json': { schema: { $ref: '#/components/schemas/Document' } } } }, 404: errorResponse('No such document') },
      },
    },
    '/api/facets': {
      get: { summary: 'Every facet value with its count', responses: { 200: { description: 'Facets', content: { 'application/json': { schema: { type: 'object', properties: { facets: { $ref: '#/components/schemas/Facets' } } } } } } } },
    },
    '/healthz': { get: { summary: 'The process is up', responses: { 200: { description: 'Up' } } } },
    '/readyz': { get: { summary: 'The engine answers and holds an index', responses: { 200: { description: 'Ready' }, 503: errorResponse('Not ready') } } },
    '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'Metrics in text exposition format' } } } },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
      },
      Facets: {
        type: 'object',
        properties: Object.fromEntries(['party', 'country', 'year'].map((facet) => [facet, { type: 'object', additionalProperties: { type: 'integer' } }])),
      },
      Document: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          body: { type: 'string' },
          date: { type: ['string', 'null'], format: 'date' },
          year: { type: ['integer', 'null'] },
          date_source: { type: ['string', 'null'], enum: ['metadata', 'explicit', 'inferred', null] },
          source: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          parties: stringArray,
          countries: stringArray,
        },
      },
      SearchResponse: {
        type: 'object',
        properties: {
          query: { type: 'string' },
          total: { type: 'integer' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
          took_ms: { type: 'number' },
          did_you_mean: { type: 'string' },
          facets: { $ref: '#/components/schemas/Facets' },
          hits: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                title: { type: 'string' },
                snippet: { type: 'string', description: 'HTML: matches in <mark>, the rest escaped' },
                date: { type: ['string', 'null'] },
                year: { type: ['integer', 'null'] },
                source: { type: ['string', 'null'] },
                url: { type: ['string', 'null'] },
                parties: stringArray,
                countries: stringArray,
              },
            },
          },
        },
      },
    },
  },
} as const;
