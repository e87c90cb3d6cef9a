import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../engines/sqlite/engine.ts';
import { runIndex } from './indexer.ts';

const ARTICLE = (title: string, sentence: string) =>
  `${title}\n\n${sentence} Đây là đoạn văn đầu tiên của bài viết, có đủ độ dài để được xem là nội dung chính của bài báo và không phải là rác trang.\n\nĐoạn thứ hai tiếp tục trình bày nội dung của bài viết với nhiều câu chữ bình thường, như mọi bài báo khác vẫn có./.\n`;

const record = (id: string, title: string) =>
  JSON.stringify({ id, title, sapo: `Tóm tắt về ${title}.`, body: `Nội dung chi tiết của bài ${title}, được viết đủ dài để làm một bài báo thật sự trong kho dữ liệu.` });

describe('runIndex', () => {
  let root: string;
  let corpus: string;
  let engine: SqliteEngine;
  let index: (options?: { rebuild?: boolean }) => ReturnType<typeof runIndex>;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vnsearch-indexer-'));
    corpus = join(root, 'corpus');
    mkdirSync(join(corpus, 'nested'), { recursive: true });
    writeFileSync(join(corpus, 'chile.txt'), ARTICLE('Hội thảo với Đảng Cộng sản Chile', 'Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile trao đổi kinh nghiệm.'));
    writeFileSync(join(corpus, 'nested', 'japan.txt'), ARTICLE('Quan hệ với Đảng Cộng sản Nhật Bản', 'Hai đảng coi trọng quan hệ hữu nghị truyền thống.'));
    writeFileSync(
      join(corpus, 'news.jsonl.gz'),
      gzipSync([record('101', 'Kinh tế Việt Nam tăng trưởng'), '{"id": "bad json', record('102', 'Giá vàng hôm nay'), JSON.stringify({ id: '103' })].join('\n')),
    );
    writeFileSync(join(corpus, 'empty.txt'), '   \n');
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(join(corpus, '.hidden.txt'), ARTICLE('Ẩn', 'Không được lập chỉ mục.'));
    writeFileSync(join(corpus, 'notes.pdf'), 'not a supported format');
    writeFileSync(join(corpus, 'nested', 'photo.PNG'), 'not a supported format');
    writeFileSync(join(corpus, 'nested', 'data.json'), '{}');
    engine = new SqliteEngine({ dataDir: join(root, 'data') });
    index = (options = {}) => runIndex({ inputs: [corpus], engine, manifestPath: join(root, 'data', 'manifest.json'), ...options });
  });

  afterEach(async () => {
    await engine.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes every supported input and reports each bad one with file, line and reason', async () => {
    const summary = await index();
    expect(summary.indexed).toBe(4);
    expect(summary.failed.map((failure) => `${failure.file.slice(corpus.length + 1)}:${failure.line ?? ''}`).sort()).toEqual(['binary.txt:', 'empty.txt:', 'news.jsonl.gz:2', 'news.jsonl.gz:4']);
    expect(summary.failed.find((failure) => failure.line === 2)?.reason).toMatch(/JSON/);
    expect((await engine.getDocument('chile'))?.title).toBe('Hội thảo với Đảng Cộng sản Chile');
    expect((await engine.getDocument('102'))?.title).toBe('Giá vàng hôm nay');
    expect(await engine.getDocument('.hidden')).toBeNull();
    expect(summary.skipped).toEqual({ '.pdf': 1, '.png': 1, '.json': 1 });
  });

  it('skips unchanged inputs, replaces changed ones and deletes removed ones', async () => {
    await index();
    const again = await index();
    expect(again).toMatchObject({ indexed: 0, unchanged: 4, deleted: 0 });
    // Inputs that failed and did not change still fail, so the exit code keeps saying so.
    expect(again.failed).toHaveLength(4);

    writeFileSync(join(corpus, 'chile.txt'), ARTICLE('Hội thảo mới với Đảng Cộng sản Chile', 'Nội dung đã được cập nhật.'));
    unlinkSync(join(corpus, 'nested', 'japan.txt'));
    writeFileSync(join(corpus, 'news.jsonl.gz'), gzipSync([record('101', 'Kinh tế Việt Nam tăng trưởng'), record('104', 'Bóng đá Việt Nam')].join('\n')));
    const changed = await index();
    expect(changed).toMatchObject({ indexed: 2, unchanged: 1, deleted: 2 });
    expect((await engine.getDocument('chile'))?.title).toBe('Hội thảo mới với Đảng Cộng sản Chile');
    expect(await engine.getDocument('japan')).toBeNull();
    expect(await engine.getDocument('102')).toBeNull();
    expect(await engine.getDocument('104')).not.toBeNull();
    expect((await engine.stats()).documents).toBe(3);
  });

  it('refuses a file over the size limit, saying how to get past it, and indexes the rest', async () => {
    writeFileSync(join(corpus, 'huge.txt'), ARTICLE('Bài rất dài', 'Nội dung. '.repeat(2000)));
    const summary = await runIndex({ inputs: [corpus], engine, manifestPath: join(root, 'data', 'manifest.json'), maxFileBytes: 10_000 });
    const refused = summary.failed.find((failure) => failure.file.endsWith('huge.txt'));
    expect(refused?.reason).toMatch(/over the limit of 10000.*--max-file-bytes/);
    expect(await engine.getDocument('huge')).toBeNull();
    expect(summary.indexed).toBe(4);
  });

  it('refuses a second document with the same id', async () => {
    writeFileSync(join(corpus, 'nested', 'chile.txt'), ARTICLE('Bản sao', 'Cùng tên tệp ở thư mục khác.'));
    const summary = await index();
    expect(summary.failed.some((failure) => failure.reason.includes('duplicate document id "chile"'))).toBe(true);
  });

  it('rebuilds from scratch to the same documents', async () => {
    await index();
    const rebuilt = await index({ rebuild: true });
    expect(rebuilt.indexed).toBe(4);
    expect((await engine.stats()).documents).toBe(4);
    expect((await index()).indexed).toBe(0);
  });
});
