/** Test helpers: an app on a free port of 127.0.0.1 and two sample documents. */
import type { Server } from 'node:http';
import { pino } from 'pino';
import type { SearchEngine } from '../engines/engine.ts';
import type { SearchDocument } from '../types/document.ts';
import { createApp, type AppOptions } from './app.ts';

export const chile: SearchDocument = {
  id: 'chile',
  title: 'Hội thảo trực tuyến giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile',
  body: 'Sáng 6/8 tại Hà Nội, diễn ra Hội thảo trực tuyến giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile.',
  date: '2021-08-06',
  year: 2021,
  date_source: 'explicit',
  source: 'VOV',
  url: null,
  parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Chile'],
  countries: ['Việt Nam', 'Chile'],
};

export const japan: SearchDocument = {
  ...chile,
  id: 'japan',
  title: 'Coi trọng quan hệ hữu nghị truyền thống với Đảng Cộng sản Nhật Bản',
  body: 'Đảng Cộng sản Việt Nam coi trọng quan hệ với Đảng Cộng sản Nhật Bản.',
  date: '2021-04-26',
  parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Nhật Bản'],
  countries: ['Việt Nam', 'Nhật Bản'],
};

export async function listen(options: Partial<AppOptions> & { engine: SearchEngine }): Promise<{ base: string; server: Server }> {
  const server = createApp({ logger: pino({ level: 'silent' }), ...options }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** A pino logger whose lines are kept, parsed, for assertions on what was logged. */
export function recordingLogger(): { logger: AppOptions['logger']; lines: { level: number; msg: string; [key: string]: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}
