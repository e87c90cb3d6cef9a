import { describe, expect, it } from 'vitest';
import { MeilisearchApiError, MeilisearchRequestError, type Task } from 'meilisearch';
import { EngineError, EngineUnavailableError } from '../../errors.ts';
import { apiErrorCode, ensureSucceeded, isTransient, toEngineFailure, withRetries } from './failures.ts';

function apiError(status: number, code: string, message: string): MeilisearchApiError {
  return new MeilisearchApiError(new Response(null, { status }), { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });
}

const refused = () => new MeilisearchRequestError('http://127.0.0.1:7700/indexes/documents/documents', new Error('connect ECONNREFUSED 127.0.0.1:7700'));

function failedTask(error: Task['error']): Task {
  return {
    uid: 42,
    batchUid: 7,
    indexUid: 'documents',
    status: 'failed',
    type: 'documentAdditionOrUpdate',
    canceledBy: null,
    error,
    duration: 'PT0.1S',
    enqueuedAt: '2026-08-20T10:00:00Z',
    startedAt: '2026-08-20T10:00:00Z',
    finishedAt: '2026-08-20T10:00:01Z',
  };
}

describe('withRetries', () => {
  it('retries network failures with exponential backoff, then reports the engine unavailable', async () => {
    const delays: number[] = [];
    let calls = 0;
    const attempt = withRetries(
      'uploading documents',
      async () => {
        calls++;
        throw refused();
      },
      { attempts: 4, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) },
    );
    await expect(attempt).rejects.toThrow(EngineUnavailableError);
    await expect(attempt).rejects.toThrow(/uploading documents: connect ECONNREFUSED/);
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('retries a 5xx answer and returns what a later attempt gets', async () => {
    const answers = [apiError(503, 'internal', 'busy'), apiError(502, 'internal', 'bad gateway')];
    const result = await withRetries(
      'updating settings',
      async () => {
        const next = answers.shift();
        if (next) throw next;
        return 'enqueued';
      },
      { attempts: 5, baseDelayMs: 1, sleep: async () => {} },
    );
    expect(result).toBe('enqueued');
  });

  it('does not retry what Meilisearch refused, and says why', async () => {
    let calls = 0;
    const attempt = withRetries('searching', async () => {
      calls++;
      throw apiError(400, 'invalid_search_filter', 'Attribute `secret` is not filterable.');
    });
    await expect(attempt).rejects.toThrow(EngineError);
    await expect(attempt).rejects.toThrow('Meilisearch refused searching: Attribute `secret` is not filterable. (invalid_search_filter)');
    expect(calls).toBe(1);
  });
});

describe('toEngineFailure', () => {
  it('maps network failures and 5xx to unavailable, other API errors to EngineError', () => {
    expect(isTransient(refused())).toBe(true);
    expect(toEngineFailure(refused(), 'searching')).toBeInstanceOf(EngineUnavailableError);
    expect(toEngineFailure(apiError(500, 'internal', 'oops'), 'searching')).toBeInstanceOf(EngineUnavailableError);
    expect(toEngineFailure(apiError(403, 'invalid_api_key', 'The provided API key is invalid.'), 'searching')).toBeInstanceOf(EngineError);
  });

  it('passes our own errors through', () => {
    const own = new EngineError('already explained');
    expect(toEngineFailure(own, 'searching')).toBe(own);
  });
});

describe('ensureSucceeded', () => {
  it('throws the task error so a failed batch is never a silent partial index', () => {
    const task = failedTask({ message: 'Document identifier `a b` is invalid.', code: 'invalid_document_id', type: 'invalid_request', link: '' });
    expect(() => ensureSucceeded(task, 'indexing documents into documents')).toThrow(
      'Meilisearch task 42 (documentAdditionOrUpdate) failed while indexing documents into documents: Document identifier `a b` is invalid. (invalid_document_id)',
    );
  });

  it('treats a canceled task as a failure too', () => {
    expect(() => ensureSucceeded({ ...failedTask(null), status: 'canceled' }, 'deleting documents')).toThrow(/task ended as canceled/);
  });

  it('returns a succeeded task', () => {
    const task = { ...failedTask(null), status: 'succeeded' as const };
    expect(ensureSucceeded(task, 'indexing')).toBe(task);
  });
});

describe('apiErrorCode', () => {
  it('finds the Meilisearch code through the error that wraps it', async () => {
    const notFound = apiError(404, 'index_not_found', 'Index `documents` not found.');
    expect(apiErrorCode(notFound)).toBe('index_not_found');
    await expect(withRetries('listing documents', () => Promise.reject(notFound))).rejects.toSatisfy((error) => apiErrorCode(error) === 'index_not_found');
    expect(apiErrorCode(new Error('index_not_found'))).toBeUndefined();
  });
});
