// The floor under the API's overhead: a bare node:http server, no framework and no engine, that
// keeps the CPU busy for `busy_ms` (what the engine took for the same query in-process) and then
// answers with `bytes` bytes of JSON. Timed with the same client as the API, it shows what HTTP
// over loopback costs on this machine by itself. Prints its URL, then serves until killed.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const until = performance.now() + Number(params.get('busy_ms') ?? 0);
  while (performance.now() < until);
  const body = JSON.stringify({ padding: 'x'.repeat(Math.max(0, Number(params.get('bytes') ?? 0) - 14)) });
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
