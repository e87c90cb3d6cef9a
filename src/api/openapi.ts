import { z } from 'zod';
import {
  documentIdSchema,
  documentSchema,
  emptyQuerySchema,
  errorResponseSchema,
  facetsResponseSchema,
  healthResponseSchema,
  namedSchemas,
  readyResponseSchema,
  reindexRunIdSchema,
  reindexStartedSchema,
  reindexStatusSchema,
  searchQuerySchema,
  searchResponseSchema,
  suggestQuerySchema,
  suggestResponseSchema,
} from './schemas.ts';

type Method = 'get' | 'post';

interface ResponseSpec {
  description: string;
  /** A zod schema for a JSON body, or a media type for anything else. */
  body?: z.ZodType | { mediaType: string };
  headers?: Record<string, string>;
}

/** One operation of the API: what the routes implement and `/openapi.json` describes. */
export interface Operation {
  method: Method;
  /** OpenAPI form, `{id}` for a path parameter. */
  path: string;
  operationId: string;
  summary: string;
  query?: z.ZodObject;
  pathParameters?: Record<string, z.ZodType>;
  responses: Record<number, ResponseSpec>;
  /** Bearer token the operation needs, by the setting that holds it. */
  auth?: 'ADMIN_TOKEN' | 'METRICS_TOKEN';
  /** Served before the rate limit (probes must not be throttled). */
  unthrottled?: boolean;
  /** Answers 503 when the engine is unavailable or the index damaged. */
  engine?: boolean;
}

const json = (description: string, body: z.ZodType, headers?: Record<string, string>): ResponseSpec => ({ description, body, ...(headers ? { headers } : {}) });
const error = (description: string, headers?: Record<string, string>): ResponseSpec => json(description, errorResponseSchema, headers);

export const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/search',
    operationId: 'search',
    summary: 'Search documents; an empty q with filters browses, newest first',
    query: searchQuerySchema,
    responses: { 200: json('Results, with facet counts (a facet’s counts ignore its own filter)', searchResponseSchema) },
    engine: true,
  },
  {
    method: 'get',
    path: '/api/suggest',
    operationId: 'suggest',
    summary: 'Completions for as-you-type, in their diacritized spelling',
    query: suggestQuerySchema,
    responses: { 200: json('Completions, most frequent first', suggestResponseSchema) },
    engine: true,
  },
  {
    method: 'get',
    path: '/api/facets',
    operationId: 'listFacets',
    summary: 'Every facet value with its count',
    query: emptyQuerySchema,
    responses: { 200: json('Facet values and counts', facetsResponseSchema) },
    engine: true,
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    operationId: 'getDocument',
    summary: 'One document',
    query: emptyQuerySchema,
    pathParameters: { id: documentIdSchema },
    responses: { 200: json('The document', documentSchema), 404: error('No document with this id') },
    engine: true,
  },
  {
    method: 'post',
    path: '/api/admin/reindex',
    operationId: 'startReindex',
    summary: 'Re-index INDEX_PATHS in the background',
    query: emptyQuerySchema,
    responses: {
      202: json('The run started; poll the URL in Location', reindexStartedSchema, { Location: 'URL of the run’s status' }),
      404: error('The admin API is off (no ADMIN_TOKEN is set)'),
      409: error('A re-index is already running (code reindex_running)'),
    },
    auth: 'ADMIN_TOKEN',
  },
  {
    method: 'get',
    path: '/api/admin/reindex/{id}',
    operationId: 'getReindexRun',
    summary: 'The status of a re-index run',
    query: emptyQuerySchema,
    pathParameters: { id: reindexRunIdSchema },
    responses: { 200: json('The run', reindexStatusSchema), 404: error('No such run, or the admin API is off') },
    auth: 'ADMIN_TOKEN',
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'The process is up (liveness)',
    responses: { 200: json('Up', healthResponseSchema) },
    unthrottled: true,
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'The engine answers, holds an index and is warm (readiness)',
    responses: { 200: json('Ready for traffic', readyResponseSchema) },
    unthrottled: true,
    engine: true,
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    responses: {
      200: { description: 'Metrics in the text exposition format', body: { mediaType: 'text/plain' } },
      404: error('Metrics are off (no METRICS_TOKEN is set)'),
    },
    auth: 'METRICS_TOKEN',
    unthrottled: true,
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApi',
    summary: 'This description',
    responses: { 200: { description: 'OpenAPI 3.1', body: { mediaType: 'application/json' } } },
  },
  {
    method: 'get',
    path: '/widget.js',
    operationId: 'widget',
    summary: 'The embeddable <vn-search> widget',
    responses: { 200: { description: 'The script', body: { mediaType: 'text/javascript' } }, 404: error('Not built') },
  },
  {
    method: 'get',
    path: '/',
    operationId: 'demoPage',
    summary: 'A demo search page using the widget',
    responses: { 200: { description: 'The page', body: { mediaType: 'text/html' } }, 404: error('Not built') },
  },
];

/** `/api/documents/{id}` → `/api/documents/:id`, as Express writes it. */
export const expressPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before retrying' };

/** The responses every operation of a kind can give, besides its own. */
function commonResponses(operation: Operation): Record<number, ResponseSpec> {
  // Node's HTTP parser refuses a request line or headers over its limit (16 KB) before any route runs.
  const responses: Record<number, ResponseSpec> = { 431: { description: 'The URL or the headers are too long' } };
  if (operation.query || operation.pathParameters) {
    responses[400] = error('An invalid parameter (code invalid_parameter, named in details), or a path that is not valid percent-encoded UTF-8');
  }
  if (operation.auth) responses[401] = error(`No valid \`Authorization: Bearer\` ${operation.auth}`);
  if (!operation.unthrottled) responses[429] = error('Rate limit reached; see the RateLimit headers', { RateLimit: 'Remaining quota', 'RateLimit-Policy': 'The limit' });
  if (operation.engine) responses[503] = error('The engine is unavailable (engine_unavailable) or the index damaged (index_damaged)', RETRY_AFTER);
  return responses;
}

type JsonSchema = Record<string, unknown>;

const CONVERSION = { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: (id: string) => `#/components/schemas/${id}` } as const;

/** Named response schemas live in `components.schemas`; anything else is written inline. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema>;

  constructor() {
    const { schemas } = z.toJSONSchema(namedSchemas, CONVERSION);
    this.components = Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]));
  }

  convert(schema: z.ZodType): JsonSchema {
    const id = namedSchemas.get(schema)?.id;
    if (id !== undefined) return { $ref: CONVERSION.uri(id) };
    const { $schema: _, ...converted } = z.toJSONSchema(schema, CONVERSION);
    return converted;
  }
}

function parameter(collector: SchemaCollector, name: string, schema: z.ZodType, location: 'query' | 'path'): JsonSchema {
  const { description, ...converted } = collector.convert(schema);
  const isArray = converted.type === 'array';
  return {
    name,
    in: location,
    required: location === 'path' || !schema.safeParse(undefined).success,
    ...(description ? { description } : {}),
    schema: converted,
    ...(isArray ? { style: 'form', explode: true } : {}),
  };
}

function responseObject(collector: SchemaCollector, spec: ResponseSpec): JsonSchema {
  const body = spec.body;
  const content = body === undefined ? undefined : body instanceof z.ZodType ? { 'application/json': { schema: collector.convert(body) } } : { [body.mediaType]: { schema: { type: 'string' } } };
  return {
    description: spec.description,
    ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
    ...(content ? { content } : {}),
  };
}

function buildDocument(): JsonSchema {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATIONS) {
    const responses = { ...commonResponses(operation), ...operation.responses };
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      parameters: [
        ...Object.entries(operation.pathParameters ?? {}).map(([name, schema]) => parameter(collector, name, schema, 'path')),
        ...Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => parameter(collector, name, schema as z.ZodType, 'query')),
      ],
      responses: Object.fromEntries(Object.entries(responses).map(([status, spec]) => [status, responseObject(collector, spec)])),
      ...(operation.auth ? { security: [{ [operation.auth]: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'vnsearch',
      version: '0.1.0',
      description:
        'Vietnamese-aware full-text search with facets for party, country and year. Errors are `{"error": {"code", "message", "details"}}`. ' +
        'A method a path does not support answers 405 with an `Allow` header.',
    },
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        ADMIN_TOKEN: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN setting' },
        METRICS_TOKEN: { type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN setting' },
      },
    },
  };
}

/** OpenAPI 3.1 description of the HTTP API, served at `/openapi.json`. */
export const openApiDocument = buildDocument();
