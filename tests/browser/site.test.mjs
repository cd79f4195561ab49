// What a reader sees in a real browser: titles, headings, the language
// switcher, search, the two-code picker, small screens, and accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildSite, serve, launch, samplePaths } from "./helpers.mjs";

const require = createRequire(import.meta.url);
let site, server, base, browser;

before(async () => {
  site = buildSite();
  ({ server, url: base } = await serve(site));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path, options = {}, onConsole = null) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (onConsole) page.on("console", onConsole);
  const response = await page.goto(base + path);
  return { page, context, response, errors };
}

test("comparison page shows its title, headings and switches language in place", async () => {
  const { page, context, errors } = await open("/ftp/125-vs-426/");
  assert.match(await page.title(), /^FTP 125 Data Connection Open vs 426 Connection Closed/);
  assert.equal(await page.locator("h1").innerText(), "FTP 125 Data Connection Open vs 426 Connection Closed");
  const headings = await page.locator("h2, h3").allInnerTexts();
  for (const h of ["Description", "When you see this code", "How to fix", "Key differences", "When to use which", "Learn more"]) {
    assert.ok(headings.some((t) => t.startsWith(h)), `heading ${h}`);
  }
  await page.locator("nav.languages a[hreflang=ko]").click();
  await page.waitForURL(base + "/ko/ftp/125-vs-426/");
  assert.equal(await page.locator("html").getAttribute("lang"), "ko");
  const koHeadings = await page.locator("h2, h3").allInnerTexts();
  for (const h of ["설명", "이 코드를 보게 되는 경우", "해결 방법", "주요 차이점", "언제 어떤 것을 사용할지", "더 알아보기"]) {
    assert.ok(koHeadings.some((t) => t.startsWith(h)), `heading ${h}`);
  }
  await page.locator("nav.languages a[hreflang=en]").click();
  await page.waitForURL(base + "/ftp/125-vs-426/");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Korean comparison page is Korean, content included", async () => {
  const { page, context } = await open("/ko/ftp/125-vs-426/");
  const fallback = await page.locator("main [lang=en]").count();
  assert.equal(fallback, 0, "no English fallback in the Korean page");
  const lead = await page.locator(".lead").innerText();
  assert.match(lead, /[가-힣]/);
  await context.close();
});

async function search(path, query) {
  const { page, context } = await open(path);
  await page.locator("#search-input").fill(query);
  await page.locator("#search-results li").first().waitFor();
  const results = await page.locator("#search-results a").allInnerTexts();
  return { page, context, results };
}

test("search finds codes by number, words and Korean words", async () => {
  let { page, context, results } = await search("/", "426");
  assert.match(results[0], /^FTP 426/);
  assert.ok(results.some((r) => r.startsWith("HTTP 426")));
  await page.locator("#search-input").press("Enter");
  await page.waitForURL(base + "/ftp/426/");
  await context.close();

  ({ context, results } = await search("/", "connection closed"));
  assert.ok(results.some((r) => r.startsWith("FTP 426")), results.join(" | "));
  await context.close();

  ({ context, results } = await search("/ftp/", "passive"));
  assert.ok(results.some((r) => r.startsWith("FTP 227")), results.join(" | "));
  await context.close();

  ({ context, results } = await search("/ko/", "연결"));
  assert.ok(results.length >= 3, results.join(" | "));
  await context.close();

  ({ context, results } = await search("/", "125 vs 426"));
  assert.match(results[0], /FTP 125 vs 426/);
  await context.close();
});

test("search lists every protocol's 421, finds enhanced codes and commands", async () => {
  let { context, results } = await search("/", "421");
  for (const name of ["FTP 421", "HTTP 421", "SMTP 421"]) assert.ok(results.some((r) => r.startsWith(name)), `${name} in ${results.join(" | ")}`);
  assert.ok(results.some((r) => r.includes("FTP, HTTP, SMTP")), "the number page is offered");
  await context.close();
  for (const query of ["5.7.1", "571"]) {
    ({ context, results } = await search("/", query));
    assert.match(results[0], /^SMTP enhanced 5\.7\.1/, `${query}: ${results.join(" | ")}`);
    await context.close();
  }
  ({ context, results } = await search("/", "550 5.7.1"));
  assert.ok(results.slice(0, 3).some((r) => r.startsWith("SMTP enhanced 5.7.1")), results.join(" | "));
  assert.ok(results.slice(0, 3).some((r) => r.startsWith("SMTP 550")), results.join(" | "));
  await context.close();
  ({ context, results } = await search("/", "rcpt"));
  assert.ok(results.some((r) => r.startsWith("SMTP RCPT")), results.join(" | "));
  await context.close();
});

test("125 vs 426 shows the exchange and its diagram, with an accessible name and no console errors", async () => {
  const errors = [];
  const { page, context, errors: pageErrors } = await open("/ftp/125-vs-426/", {}, (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  const svg = page.locator("#in-session ~ figure svg.sequence, section[aria-labelledby=in-session] svg.sequence").first();
  await svg.waitFor();
  assert.equal(await svg.getAttribute("role"), "img");
  const name = await svg.evaluate((el) => el.getAttribute("aria-labelledby").split(" ").map((id) => document.getElementById(id).textContent).join(" "));
  assert.match(name, /RETR/);
  const transcript = await page.locator("section[aria-labelledby=in-session] pre.transcript").innerText();
  assert.match(transcript, /S: 125/);
  assert.match(transcript, /S: 426/);
  assert.deepEqual([...errors, ...pageErrors], []);
  await context.close();
});

test("picker opens the comparison in canonical order and refuses the same code", async () => {
  const { page, context } = await open("/ftp/");
  await page.locator("#pick-a").selectOption("426");
  await page.locator("#pick-b").selectOption("426");
  await page.locator("form.picker button").click();
  assert.match(await page.locator(".picker-message").innerText(), /different/);
  assert.equal(page.url(), base + "/ftp/");
  await page.locator("#pick-b").selectOption("125");
  await page.locator("form.picker button").click();
  await page.waitForURL(base + "/ftp/125-vs-426/");
  await context.close();

  const code = await open("/ko/http/404/");
  assert.equal(await code.page.locator("#pick-a").inputValue(), "404");
  await code.page.locator("#pick-b").selectOption("401");
  await code.page.locator("form.picker button").click();
  await code.page.waitForURL(base + "/ko/http/401-vs-404/");
  await code.context.close();
});

test("unknown addresses get the 404 page with status 404", async () => {
  const { response, page, context } = await open("/ftp/999/");
  assert.equal(response.status(), 404);
  assert.match(await page.locator("h1").innerText(), /not found/i);
  await context.close();
});

test("nothing overflows a 360 px screen", async () => {
  for (const path of samplePaths) {
    const { page, context } = await open(path, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    await context.close();
  }
});

test("axe-core finds no accessibility violations, in light and dark mode", async () => {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const runs = samplePaths.flatMap((path) => [[path, "light"], [path, "dark"]]);
  for (const [path, colorScheme] of runs) {
    const { page, context } = await open(path, { colorScheme });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target}`);
    assert.deepEqual(violations, [], `${path} (${colorScheme})`);
    await context.close();
  }
});
