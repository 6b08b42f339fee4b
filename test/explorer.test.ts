// The analysts' explorer in a real browser: headless Chromium (Debian's package) driven by
// playwright-core loads /explorer from the gateway, takes a token, runs a query and shows the answer:
// an example aggregate as a table with names beside codes, a CSV download and a chart; a caseworker
// is told why there is no schema. Nothing may be fetched from outside the gateway: the page must
// work on a closed network. Screenshots go to a temporary folder (EXPLORER_SCREENSHOTS, default
// $TMPDIR/dfdg-explorer-screenshots), kept after the run for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPerson, TODAY } from './access/fixtures';
import { startTestSystem, type TestSystem } from './support/system';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`explorer test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const describeWithBrowser = haveChromium ? describe : describe.skip;
const SCREENSHOTS = process.env.EXPLORER_SCREENSHOTS ?? path.join(os.tmpdir(), 'dfdg-explorer-screenshots');

describeWithBrowser('analysts explorer at /explorer', () => {
  let t: TestSystem;
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestSystem({ today: TODAY });
    // Jobcentre 101: five persons in contact group 2, a cell the aggregate shows, and one in group 7,
    // a cell it suppresses (a count under 5).
    for (let i = 0; i < 5; i++) await createPerson(t, { contactGroupId: 2 });
    await createPerson(t, { contactGroupId: 7 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  // One page at a time: a page left open behind the next one is throttled by Chromium.
  let pages: Page[] = [];
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    return page;
  }
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.close()));
    pages = [];
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('loads without any outside request, takes a token, runs a query and shows the result', async () => {
    const page = await newPage();
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
    await page.screenshot({ path: `${SCREENSHOTS}/explorer.png` });
  }, 90_000);

  /** The explorer on the test system's day (the examples' dates come from the page's clock), and any request it makes off the gateway. */
  async function open(token: string): Promise<{ page: Page; outside: string[] }> {
    const page = await newPage();
    const origin = new URL(t.url).origin;
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
    await page.goto(`${new URL(t.url).origin}/explorer`);
    await page.fill('#token', token);
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 30_000 });
    return { page, outside };
  }

  it('runs an example aggregate as a table with names beside codes, downloads it as CSV and charts it', async () => {
    const { page, outside } = await open(await t.token('analyst', 'STAR'));
    await page.locator('#token-status', { hasText: 'Signed in as analyst (STAR)' }).waitFor();
    // The default query is an aggregate, not a code list.
    expect(await page.locator('#example').inputValue()).toBe('absencesByTypeAndMonth');
    // …and it runs as it stands: the last twelve months (no absences recorded in this suite).
    await page.click('.graphiql-execute-button');
    await page.locator('.explorer-table[data-field="absencesByTypeAndMonth"] h3', { hasText: 'absencesByTypeAndMonth: 0 row(s)' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.graphiql-response').innerText()).toContain('"absencesByTypeAndMonth": []');
    await page.selectOption('#example', 'personsByContactGroup');
    await page.locator('.graphiql-query-editor', { hasText: 'personsByContactGroup' }).waitFor();
    await page.click('.graphiql-execute-button');
    const table = page.locator('.explorer-table[data-field="personsByContactGroup"]');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const rows = await Promise.all((await table.locator('tbody tr').all()).map((row) => row.locator('td').allInnerTexts()));
    expect(await table.locator('th').allInnerTexts()).toEqual(['municipalityCode', 'municipality', 'jobcentre', 'contactGroup.id', 'contactGroup.name', 'count', 'suppressed']);
    expect(rows).toEqual([
      ['101', 'København', 'Jobcenter København', '2', expect.any(String), '5', 'false'],
      ['101', 'København', 'Jobcenter København', '7', expect.any(String), '', 'true'],
    ]);
    // The chart: the sum of the counts by municipality, the suppressed cell left out and said so.
    const chart = table.locator('.explorer-chart');
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toBe('Sum of count by municipality');
    expect(await chart.locator('svg text').allTextContents()).toEqual(['København', '5']);
    expect(await chart.locator('figcaption').innerText()).toContain('1 suppressed cell(s) (a count under 5) are left out of the bars.');
    await page.screenshot({ path: `${SCREENSHOTS}/explorer-aggregate.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), table.locator('button', { hasText: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('personsByContactGroup.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFmunicipalityCode,municipality,jobcentre,contactGroup.id,contactGroup.name,count,suppressed',
      `101,København,Jobcenter København,2,${quote(rows[0][4])},5,false`,
      `101,København,Jobcenter København,7,${quote(rows[1][4])},,true`,
      '',
    ]);
    expect(outside).toEqual([]);
  }, 90_000);

  it('tells a caseworker where the schema is, still runs their queries, and names a refused field', async () => {
    const { page } = await open(await t.token('caseworker', '101'));
    const message = page.locator('#no-schema');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.innerText()).toMatch(/Your role \(caseworker\) can run queries here.*analysts and the system role.*schema\.graphql at the root/s);
    await page.selectOption('#example', 'personsByContactGroup');
    await page.click('.graphiql-execute-button');
    await page.locator('.explorer-errors', { hasText: 'Field personsByContactGroup is not available to your role (FORBIDDEN).' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/explorer-caseworker.png`, fullPage: true });
  }, 90_000);

  it('shows the refusal when the token is missing, not data', async () => {
    const page = await newPage();
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
