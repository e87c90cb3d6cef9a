import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { EngineError, EngineUnavailableError } from '../../errors.ts';

/** A failure worth trying again: the request never got an answer, or Meilisearch answered 5xx. */
export function isTransient(error: unknown): boolean {
  return error instanceof MeilisearchRequestError || (error instanceof MeilisearchApiError && error.response.status >= 500);
}

/**
 * The Meilisearch error code of an API error (`index_not_found`, `document_not_found`…), if any,
 * also when our error wraps it (`withRetries` turns every failure into one of ours).
 */
export function apiErrorCode(error: unknown): string | undefined {
  if (error instanceof MeilisearchApiError) return error.cause?.code;
  return error instanceof EngineError || error instanceof EngineUnavailableError ? apiErrorCode(error.cause) : undefined;
}

/**
 * Our error for a Meilisearch client failure: unreachable, timed out or 5xx → EngineUnavailableError
 * (the API answers 503); anything else Meilisearch refused → EngineError with its message.
 */
export function toEngineFailure(error: unknown, doing: string): Error {
  if (error instanceof EngineError || error instanceof EngineUnavailableError) return error;
  if (isTransient(error)) {
    const reason = error instanceof MeilisearchRequestError && error.cause instanceof Error ? error.cause.message : (error as Error).message;
    return new EngineUnavailableError(`Meilisearch is unavailable while ${doing}: ${reason}`, { cause: error });
  }
  if (error instanceof MeilisearchTaskTimeOutError) return new EngineError(`Meilisearch did not finish ${doing} in time: ${error.message}`, { cause: error });
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ? ` (${error.cause.code})` : '';
    return new EngineError(`Meilisearch refused ${doing}: ${error.message}${code}`, { cause: error });
  }
  return error instanceof Error ? error : new EngineError(`Meilisearch failed while ${doing}: ${String(error)}`);
}

/** Throws an EngineError carrying the task's own error unless the task succeeded. */
export function ensureSucceeded(task: Task, doing: string): Task {
  if (task.status === 'succeeded') return task;
  const reason = task.error ? `${task.error.message} (${task.error.code})` : `task ended as ${task.status}`;
  throw new EngineError(`Meilisearch task ${task.uid} (${task.type}) failed while ${doing}: ${reason}`);
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubled before each further one. */
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 250 };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an idempotent Meilisearch call, retrying transient failures with exponential backoff;
 * the last failure, or the first non-transient one, becomes our error.
 */
export async function withRetries<T>(doing: string, call: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || attempt >= options.attempts) throw toEngineFailure(error, doing);
      await sleep(options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
