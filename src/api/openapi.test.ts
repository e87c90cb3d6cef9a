import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../tests/lib/temporary-directory.ts';
import { SqliteEngine } from '../engines/sqlite/engine.ts';
import { OPERATIONS, openApiDocument } from './openapi.ts';
import { searchQuerySchema } from './schemas.ts';
import { listen } from './test-server.ts';

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type OperationObject = { operationId: string; parameters: Parameter[]; responses: Record<string, unknown> };
const paths = openApiDocument.paths as Record<string, Record<string, OperationObject>>;
const operation = (path: string, method = 'get'): OperationObject => paths[path]![method]!;
const parameterSchema = (path: string, name: string) => operation(path).parameters.find((p) => p.name === name)?.schema;

describe('/openapi.json, generated from the zod schemas', () => {
  it('documents every parameter the server reads, with the bounds it enforces', () => {
    expect(operation('/api/search').parameters.map((p) => p.name)).toEqual(Object.keys(searchQuerySchema.shape));
    expect(parameterSchema('/api/search', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50, default: 10 });
    expect(parameterSchema('/api/search', 'offset')).toMatchObject({ type: 'integer', minimum: 0, maximum: 10000 });
    expect(parameterSchema('/api/search', 'party')).toMatchObject({ type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 100 } });
    expect(parameterSchema('/api/search', 'year')).toMatchObject({ type: 'array', items: { type: 'integer', minimum: 1800, maximum: 2200 } });
    expect(parameterSchema('/api/search', 'q')).toMatchObject({ type: 'string', maxLength: 200 });
    expect(parameterSchema('/api/suggest', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 8 });
    expect(operation('/api/suggest').parameters.find((p) => p.name === 'q')?.required).toBe(true);
    expect(parameterSchema('/api/documents/{id}', 'id')).toMatchObject({ type: 'string', minLength: 1, maxLength: 512 });
  });

  it('gives every parameter of every operation a type (an untyped one lets clients send what the server refuses)', () => {
    for (const methods of Object.values(paths)) {
      for (const { operationId, parameters } of Object.values(methods)) {
        for (const { name, schema } of parameters ?? []) expect(schema.type ?? schema.$ref, `${operationId} ${name}`).toBeDefined();
      }
    }
    expect(parameterSchema('/api/search', 'verbatim')).toMatchObject({ type: 'boolean' });
  });

  it('names every operation once and documents the statuses each can answer', () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(operation('/api/search').responses)).toEqual(expect.arrayContaining(['200', '400', '429', '431', '503']));
    expect(Object.keys(operation('/api/documents/{id}').responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429', '503']));
    expect(Object.keys(operation('/api/suggest').responses)).toEqual(expect.arrayContaining(['503']));
    expect(Object.keys(operation('/api/admin/reindex', 'post').responses)).toEqual(expect.arrayContaining(['202', '401', '409', '429']));
    expect(Object.keys(operation('/api/admin/reindex/{id}').responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    expect(Object.keys(operation('/metrics').responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    expect(Object.keys(operation('/healthz').responses)).not.toContain('429');
  });

  it('describes the admin re-index run as the re-indexing contract has it', () => {
    const schemas = (openApiDocument.components as { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> }).schemas;
    expect(schemas.ReindexRun?.required).toEqual(['id', 'status', 'started_at']);
    expect(schemas.ReindexRun?.properties.status).toMatchObject({ enum: ['running', 'succeeded', 'failed'] });
    expect(Object.keys(schemas.ReindexRun?.properties ?? {})).toEqual(['id', 'status', 'started_at', 'finished_at', 'summary', 'error']);
  });

  it('describes only routes the server has', async () => {
    const engine = new SqliteEngine({ dataDir: temporaryDirectory('vnsearch-openapi-') });
    const { base, server } = await listen({
      engine,
      metricsToken: 'a-long-metrics-token-0123',
      admin: { token: 'a-long-admin-token-0123456', runs: { start: async () => ({ id: 'x', status: 'running', started_at: new Date().toISOString() }), status: () => null } },
    });
    for (const { method, path } of OPERATIONS) {
      const response = await fetch(`${base}${path.replace('{id}', 'x')}`, { method: method.toUpperCase() });
      const text = await response.text();
      expect(text, `${method} ${path}`).not.toContain('No route for');
    }
    server.close();
    await engine.close();
  });
});
