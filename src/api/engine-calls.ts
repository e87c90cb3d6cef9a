import type { SearchEngine } from '../engines/engine.ts';
import { EngineUnavailableError } from '../errors.ts';
import type { ServiceMetrics } from './metrics.ts';

/**
 * The engine as the API uses it: every call timed for metrics and bounded in time, so a slow or
 * hung engine turns into a 503 instead of a hanging request.
 */
export function guardedEngine(engine: SearchEngine, timeoutMs: number, metrics: ServiceMetrics) {
  return async function call<T>(operation: string, work: (engine: SearchEngine) => Promise<T>): Promise<T> {
    const end = metrics.engineSeconds.startTimer({ operation });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineUnavailableError(`The search engine did not answer within ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
      return await Promise.race([work(engine), timeout]);
    } finally {
      clearTimeout(timer);
      end();
    }
  };
}

export type EngineCall = ReturnType<typeof guardedEngine>;
