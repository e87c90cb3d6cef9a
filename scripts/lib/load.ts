import autocannon from 'autocannon';

export interface LoadResult {
  requests_per_second: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
}

/** One request of a load test: a GET of `path`, or any method with a body and headers. */
export interface LoadRequest {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** Sends `requests` (paths to GET, or full requests) in rotation over `connections` keep-alive connections for `seconds`, loopback only. */
export async function loadTest(url: string, requests: readonly (string | LoadRequest)[], connections: number, seconds: number): Promise<LoadResult> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(url)) throw new Error(`load tests target this machine only, not ${url}`);
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          const { path, method = 'GET', body, headers } = typeof chosen === 'string' ? { path: chosen } : chosen;
          return { ...request, path, method, ...(body === undefined ? {} : { body }), headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  return {
    requests_per_second: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
  };
}
