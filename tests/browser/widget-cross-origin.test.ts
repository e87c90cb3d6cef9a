/**
 * End to end: the real CLI indexes docs-corpus and serves the API; a host page on another origin embeds
 * the widget by script tag from the API server, as a third-party site would. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { PROJECT_ROOT, freePort, hasChromium, launchChromium, runCli, screenshotPath, serveCli, startHostPage, type RunningServer } from './helpers.ts';

const FOLDED_QUERY = 'dang cong san chile';

describe.skipIf(!hasChromium)('<vn-search> embedded from another origin (real CLI and API)', { timeout: 30_000 }, () => {
  let dataDir: string;
  let api: RunningServer;
  let allowedHost: RunningServer;
  let refusedHost: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(PROJECT_ROOT, 'dist', 'widget', 'widget.js')) || !existsSync(join(PROJECT_ROOT, 'bin', 'vnsearch.js'))) {
      throw new Error('Run `npm run build` first: the widget bundle or the vnsearch CLI is missing.');
    }
    dataDir = await mkdtemp(join(tmpdir(), 'vnsearch-widget-'));
    const indexed = await runCli(['index', 'docs-corpus', '--data-dir', dataDir]);
    expect(indexed.code, indexed.stderr).toBe(0);

    let apiOrigin = '';
    allowedHost = await startHostPage(() => apiOrigin);
    refusedHost = await startHostPage(() => apiOrigin);
    api = await serveCli(dataDir, await freePort(), allowedHost.origin);
    apiOrigin = api.origin;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await allowedHost?.close();
    await refusedHost?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openHostPage(host: RunningServer, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(host.origin);
    await page.locator('vn-search [part="input"]').waitFor();
    return page;
  }

  const input = (page: Page): Locator => page.getByRole('combobox', { name: 'Tìm kiếm tài liệu' });
  const countText = (page: Page): Promise<string | null> => page.locator('[part="count"]').textContent();
  const totalOf = async (page: Page): Promise<number> => Number((await countText(page))?.match(/^[\d.]+/)?.[0].replace(/\./g, ''));

  async function searchFor(page: Page, query: string): Promise<void> {
    await input(page).fill(query);
    await input(page).press('Enter');
    await expect.poll(() => page.locator('[part~="results"]').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => countText(page)).toContain(query);
  }

  it('shows suggestions and highlighted results for a query typed without diacritics', async () => {
    const page = await openHostPage(allowedHost);
    await input(page).pressSequentially(FOLDED_QUERY, { delay: 20 });
    await expect.poll(() => input(page).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('[part~="option-hit"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[part~="option-hit"] mark').count()).toBeGreaterThan(0);

    await input(page).press('Enter');
    await expect.poll(() => countText(page)).toContain(`kết quả cho “${FOLDED_QUERY}”`);
    const firstTitle = await page.locator('[part~="result-title"]').first().textContent();
    expect(firstTitle).toContain('Chile');
    expect(await page.locator('[part~="result-title"]').first().locator('mark').allTextContents()).toContain('Chile');
    const marks = await page.locator('[part~="result-snippet"] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join(' ').toLowerCase()).toMatch(/đảng|cộng|sản|chile/);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/\d+ kết quả cho/);
    await page.close();
  });

  it('narrows results with a facet chip, updates the counts, and clears again', async () => {
    const page = await openHostPage(allowedHost);
    await searchFor(page, 'dang cong san');
    const totalBefore = await totalOf(page);
    const facetsBefore = await page.locator('[part="facets"]').innerText();

    // Any value held by some but not all of the results narrows them.
    const chips = page.locator('[part~="chip"], [part~="year-bar"]');
    let picked: { key: string; count: number } | null = null;
    for (const chip of await chips.all()) {
      const key = (await chip.getAttribute('data-key')) ?? '';
      const count = Number((await chip.getAttribute('aria-label'))?.match(/: ([\d.]+)/)?.[1] ?? (await chip.locator('[part="chip-count"]').textContent()));
      if (count > 0 && count < totalBefore) {
        picked = { key, count };
        await chip.click();
        break;
      }
    }
    expect(picked, `no facet value narrows the ${totalBefore} results`).not.toBeNull();
    const chip = page.locator(`[data-key="${picked!.key}"]`);
    await expect.poll(() => totalOf(page)).toBe(picked!.count);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[part~="result"]').count()).toBe(Math.min(picked!.count, 10));
    expect(await page.locator('[part="facets"]').innerText()).not.toBe(facetsBefore);
    // The chip keeps the keyboard focus across the re-render.
    expect(await page.evaluate(() => document.querySelector('vn-search')?.shadowRoot?.activeElement?.getAttribute('data-key'))).toBe(picked!.key);

    await page.locator('[part="clear-filters"]').click();
    await expect.poll(() => totalOf(page)).toBe(totalBefore);
    expect(await chip.getAttribute('aria-pressed')).toBe('false');

    await page.screenshot({ path: await screenshotPath('widget-before-facet.png') });
    await chip.click();
    await expect.poll(() => totalOf(page)).toBe(picked!.count);
    await page.screenshot({ path: await screenshotPath('widget-cross-origin.png'), fullPage: true });
    await page.close();
  });

  it('works by keyboard: arrows, Enter, Escape and Tab, with a visible focus', async () => {
    const page = await openHostPage(allowedHost);
    const field = input(page);
    await field.focus();
    await page.keyboard.type('dang cong san', { delay: 20 });
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);

    await page.keyboard.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant')).toBe('option-0');
    expect(await page.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant')).toBe('option-1');
    await page.keyboard.press('ArrowUp');
    expect(await field.getAttribute('aria-activedescendant')).toBe('option-0');

    await page.keyboard.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await field.getAttribute('aria-activedescendant')).toBeNull();
    expect(await field.inputValue()).toBe('dang cong san');
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('');

    // ArrowUp from the top wraps to the last option, "see all results"; Enter opens the full view.
    await page.keyboard.type('dang cong san', { delay: 20 });
    await expect.poll(() => page.locator('[part~="option-all"]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('[part~="option-all"]').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => countText(page)).toContain('kết quả cho “dang cong san”');
    expect(await field.getAttribute('aria-expanded')).toBe('false');

    // Tab walks from the field through the controls to the facets and the results.
    const focusedPart = (): Promise<string | null | undefined> => page.evaluate(() => document.querySelector('vn-search')?.shadowRoot?.activeElement?.getAttribute('part'));
    const visited: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      visited.push((await focusedPart()) ?? '');
    }
    expect(visited.slice(0, 2)).toEqual(['clear-button', 'submit-button']);
    expect(visited).toContain('sort');
    expect(visited.some((part) => /chip|year-bar/.test(part))).toBe(true);
    const outline = await page.evaluate(() => {
      const active = document.querySelector('vn-search')?.shadowRoot?.activeElement;
      return active ? getComputedStyle(active).outlineStyle : 'none';
    });
    expect(outline).toBe('solid');
    await page.close();
  });

  it('exposes the combobox, listbox, search landmark and live region roles', async () => {
    const page = await openHostPage(allowedHost);
    await input(page).fill('dang cong san');
    await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(true);
    const field = input(page);
    expect(await field.getAttribute('aria-autocomplete')).toBe('list');
    expect(await field.getAttribute('aria-controls')).toBe(await page.getByRole('listbox').getAttribute('id'));
    expect(await page.getByRole('search').count()).toBe(1);
    expect(await page.getByRole('option').count()).toBeGreaterThan(0);
    expect(await page.getByRole('group').count()).toBeGreaterThan(0);
    const status = page.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => status.textContent()).toMatch(/kết quả/);
    await page.close();
  });

  it('is usable on a phone-sized viewport', async () => {
    const page = await openHostPage(allowedHost, { width: 390, height: 844 });
    await searchFor(page, FOLDED_QUERY);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await page.locator('[part~="result"]').first().boundingBox())?.width).toBeGreaterThan(300);
    await page.screenshot({ path: await screenshotPath('widget-phone.png') });
    await page.close();
  });

  it('serves the demo page at / with the widget searching its own origin', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.origin}/`);
    expect(await page.locator('vn-search').getAttribute('endpoint')).toBe('');
    await searchFor(page, FOLDED_QUERY);
    expect(await page.locator('[part~="result"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens the demo page at a shared search URL with its results, and on a host page too', async () => {
    const page = await browser.newPage();
    for (const origin of [api.origin, allowedHost.origin]) {
      await page.goto(`${origin}/?q=${encodeURIComponent(FOLDED_QUERY)}&country=Chile`);
      await expect.poll(() => page.locator('[part~="result"]').count()).toBeGreaterThan(0);
      expect(await page.locator('[part="input"]').inputValue()).toBe(FOLDED_QUERY);
      expect(await page.getByRole('button', { name: /^Chile/ }).getAttribute('aria-pressed')).toBe('true');
    }
    await page.close();
  });

  it('gets no results on a host page from an origin the API does not allow, and says so', async () => {
    const refusedOrigin = refusedHost.origin;
    const plain = await fetch(`${api.origin}/api/search?q=chile`, { headers: { origin: refusedOrigin } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();

    const page = await openHostPage(refusedHost);
    const corsErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /CORS|Access-Control-Allow-Origin/i.test(message.text())) corsErrors.push(message.text());
    });
    await input(page).fill(FOLDED_QUERY);
    await input(page).press('Enter');
    const error = page.locator('[part~="error"]');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('Không thể kết nối tới máy chủ tìm kiếm');
    expect(await page.getByRole('button', { name: 'Thử lại' }).isVisible()).toBe(true);
    expect(await page.locator('[part~="result"]').count()).toBe(0);
    expect(corsErrors.length).toBeGreaterThan(0);
    await page.screenshot({ path: await screenshotPath('widget-refused-origin.png') });
    await page.close();
  });
});
