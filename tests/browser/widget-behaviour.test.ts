/**
 * Widget behaviour that needs a controllable server (slow, failing, out-of-order answers), against the
 * mock API in mock-api.ts. The end-to-end checks against the real CLI are in widget-cross-origin.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, startHostPage, type RunningServer } from './helpers.ts';
import { startMockApi, type MockControls } from './mock-api.ts';

if (!hasChromium) console.warn('Skipping widget browser tests: /usr/bin/chromium is missing (.ci/install-chromium.sh installs it).');

describe.skipIf(!hasChromium)('<vn-search> behaviour (mock API)', { timeout: 30_000 }, () => {
  let browser: Browser;
  let host: RunningServer;
  let api: RunningServer & { controls: MockControls };
  let page: Page;

  beforeAll(async () => {
    let apiOrigin = '';
    host = await startHostPage(() => apiOrigin);
    api = await startMockApi(host.origin);
    apiOrigin = api.origin;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await host?.close();
  });

  beforeEach(async () => {
    api.controls.delays.clear();
    api.controls.unavailable = null;
    api.controls.searches.length = 0;
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(host.origin);
  });

  const submit = async (query: string): Promise<void> => {
    const input = page.locator('[part="input"]');
    await input.fill(query);
    await input.press('Enter');
  };

  it('debounces typing into few requests', async () => {
    await page.locator('[part="input"]').pressSequentially('dang cong san', { delay: 25 });
    await expect.poll(() => page.locator('[part~="option-hit"]').count()).toBe(3);
    expect(api.controls.searches.length).toBeLessThanOrEqual(2);
  });

  it('never renders a stale answer after a newer one', async () => {
    api.controls.delays.set('nhat ban', 700);
    await submit('nhat ban');
    await submit('chile');
    await expect.poll(() => page.locator('[part="count"]').textContent()).toContain('chile');
    await page.waitForTimeout(1000);
    expect(await page.locator('[part="count"]').textContent()).toContain('1 kết quả cho “chile”');
    expect(await page.locator('[part~="result-title"]').allTextContents()).toEqual(['Hội thảo giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile']);
  });

  it('loads more results, keeping the focus in the list', async () => {
    await page.locator('vn-search').evaluate((el) => el.setAttribute('limit', '2'));
    await submit('dang cong san');
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(2);
    await page.locator('[part="load-more"]').click();
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    expect(api.controls.searches.at(-1)).toContain('offset=2');
    expect(await page.locator('[part="load-more"]').isHidden()).toBe(true);
    const focused = await page.evaluate(() => document.querySelector('vn-search')?.shadowRoot?.activeElement?.textContent);
    expect(focused).toBe('Hội đàm trực tuyến hai Đảng Cộng sản Việt Nam - Trung Quốc');
  });

  it('says when the browser is offline and searches again when it is back', async () => {
    await page.context().setOffline(true);
    await submit('chile');
    await expect.poll(() => page.locator('[part~="error"]').textContent()).toContain('Bạn đang ngoại tuyến');
    await page.context().setOffline(false);
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(1);
  });

  it('shows the server error with Retry-After, then recovers on retry', async () => {
    api.controls.unavailable = 30;
    await submit('dang cong san');
    const message = page.locator('[part~="error"]');
    await expect.poll(() => message.textContent()).toContain('30 giây');
    expect(await message.getAttribute('role')).toBe('alert');
    api.controls.unavailable = null;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    expect(await message.isHidden()).toBe(true);
  });

  it('offers the did-you-mean correction when nothing matches', async () => {
    await submit('dang cong sna');
    const correction = page.locator('[part="did-you-mean"]');
    await expect.poll(() => page.locator('[part~="empty"]').textContent()).toContain('Không tìm thấy kết quả nào');
    expect(await correction.textContent()).toBe('dang cong san');
    await correction.click();
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    expect(await page.locator('[part="input"]').inputValue()).toBe('dang cong san');
  });

  const count = () => page.locator('[part="count"]').textContent();
  const pageParams = async (): Promise<Record<string, string[]>> =>
    page.evaluate(() => {
      const params = new URLSearchParams(location.search);
      return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
    });

  it('keeps the query and filters in the page URL', async () => {
    await submit('dang cong san');
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    await page.getByRole('button', { name: /^Chile/ }).click();
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(1);
    expect(await pageParams()).toEqual({ q: ['dang cong san'], country: ['Chile'] });
  });

  it('goes back to the previous search with the back button', async () => {
    await submit('chile');
    await expect.poll(count).toContain('chile');
    await submit('nhat ban');
    await expect.poll(count).toContain('nhat ban');
    await page.goBack();
    await expect.poll(count).toContain('chile');
    expect(await page.locator('[part="input"]').inputValue()).toBe('chile');
    expect(await page.locator('[part~="result-title"]').allTextContents()).toEqual(['Hội thảo giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile']);
    await page.goBack();
    await expect.poll(() => page.locator('[part="results-view"]').isHidden()).toBe(true);
    await page.goForward();
    await expect.poll(count).toContain('chile');
  });

  it('shows the search a URL holds when opened, pages included', async () => {
    await page.goto(`${host.origin}/?q=dang+cong+san&party=${encodeURIComponent('Đảng Cộng sản Việt Nam')}&sort=date_asc&page=2`);
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    expect(await page.locator('[part="input"]').inputValue()).toBe('dang cong san');
    expect(await page.locator('[part="sort"]').inputValue()).toBe('date_asc');
    expect(await page.getByRole('button', { name: /^Đảng Cộng sản Việt Nam/ }).getAttribute('aria-pressed')).toBe('true');
    // Two pages of the default 10 results, in one request.
    expect(api.controls.searches.at(-1)).toMatch(/limit=20\b/);
  });

  it('shows how it read the query, with a way to search the words as typed', async () => {
    await submit('ddangr coongj sanr chile');
    await expect.poll(() => page.locator('[part~="interpretation"]').textContent()).toBe('Kết quả cho Đảng Cộng sản Chile. Tìm chính xác: ddangr coongj sanr chile');
    expect(await page.locator('[part="interpreted"]').textContent()).toBe('Đảng Cộng sản Chile');
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(1);
    await page.locator('[part="search-verbatim"]').click();
    await expect.poll(() => page.locator('[part~="empty"]').textContent()).toContain('Không tìm thấy');
    expect(api.controls.searches.at(-1)).toMatch(/verbatim=true/);
    expect(await page.locator('[part~="result"]').count()).toBe(0);
  });

  it('offers to remove each filter, and popular searches, when nothing is found', async () => {
    await page.goto(`${host.origin}/?q=nhat+ban&country=Chile&year=2020`);
    await page.locator('vn-search').evaluate((el) => el.setAttribute('popular', 'đảng cộng sản, chile'));
    await expect.poll(() => page.locator('[part~="empty"]').textContent()).toContain('Không tìm thấy');
    expect(await page.locator('[part="popular-search"]').allTextContents()).toEqual(['đảng cộng sản', 'chile']);
    await page.getByRole('button', { name: 'Bỏ lọc “Chile”' }).click();
    await expect.poll(pageParams).toEqual({ q: ['nhat ban'], year: ['2020'] });
    await expect.poll(() => page.locator('[part~="empty"]').textContent()).toContain('Không tìm thấy');
    await page.getByRole('button', { name: 'Bỏ lọc “2020”' }).click();
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(1);
    await page.goBack();
    await page.goBack();
    await expect.poll(pageParams).toEqual({ q: ['nhat ban'], country: ['Chile'], year: ['2020'] });
    await page.locator('[part="popular-search"]', { hasText: 'chile' }).click();
    await expect.poll(count).toContain('chile');
  });

  it('shows markup in API data as text, never as elements', async () => {
    await submit('trung quoc');
    await expect.poll(() => page.locator('[part~="result-snippet"]').first().textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('vn-search').evaluate((el) => el.shadowRoot?.querySelectorAll('.list script').length)).toBe(0);
  });

  it('opens a result without url in an in-widget document view', async () => {
    await submit('chile');
    await page.getByRole('button', { name: /Đảng Cộng sản Chile$/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('trao đổi kinh nghiệm');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('links results that have a url, in a new tab when open-in="new"', async () => {
    await submit('nhat ban');
    const link = page.getByRole('link', { name: /Nhật Bản/ });
    expect(await link.getAttribute('href')).toBe('https://example.org/japan');
    expect(await link.getAttribute('target')).toBeNull();
    await page.locator('vn-search').evaluate((el) => el.setAttribute('open-in', 'new'));
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('speaks English with lang="en" and shows only the facets asked for', async () => {
    await page.locator('vn-search').evaluate((el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('facets', 'year');
    });
    await submit('dang cong san');
    await expect.poll(() => page.locator('[part="count"]').textContent()).toBe('3 results for “dang cong san”');
    expect(await page.locator('[part~="facet"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: '2021: 2 documents' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('fits a phone-sized viewport without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await submit('dang cong san');
    await expect.poll(() => page.locator('[part~="result"]').count()).toBe(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('[part="input"]').boundingBox();
    expect(box?.width).toBeGreaterThan(150);
  });
});
