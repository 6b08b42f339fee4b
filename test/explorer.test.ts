// The analysts' explorer in a real browser: headless Chromium (Debian's package) driven by
// playwright-core loads /explorer from the gateway, takes a token, runs a query and shows the answer.
// Nothing may be fetched from outside the gateway: the page must work on a closed network.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestSystem, type TestSystem } from './support/system';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`explorer test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser('analysts explorer at /explorer', () => {
  let t: TestSystem;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestSystem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('loads without any outside request, takes a token, runs a query and shows the result', async () => {
    const page = await browser.newPage();
    const origin = new URL(t.url).origin;
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    await page.goto(`${origin}/explorer`);
    await page.fill('#token', await t.token('analyst', 'STAR'));
    // A fresh editor; type the operation and run it with the toolbar's run button.
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.waitFor({ timeout: 30_000 });
    // GraphiQL 3's editor is CodeMirror 5, which hangs its API on its element.
    await page.evaluate("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ absenceTypes { id name } }')");
    await page.click('.graphiql-execute-button');
    // CodeMirror renders only the visible lines: look for a type near the top of the list.
    await page.locator('.graphiql-response', { hasText: 'Barsel' }).waitFor({ timeout: 30_000 });
    expect(outside).toEqual([]);
    await page.screenshot({ path: `${t.dataDir}/explorer.png` });
  }, 90_000);

  it('shows the refusal when the token is missing, not data', async () => {
    const page = await browser.newPage();
    await page.goto(`${new URL(t.url).origin}/explorer`);
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response', { hasText: 'UNAUTHENTICATED' }).waitFor({ timeout: 30_000 });
  }, 90_000);

  it('is served with a same-origin-only content security policy', async () => {
    const response = await fetch(`${new URL(t.url).origin}/explorer`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
