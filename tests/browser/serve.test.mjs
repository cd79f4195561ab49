// `codecompare serve` in a real browser: an edit shows in the open page in
// place (no navigation; the page's scripts run again on the new body), a
// build error shows over the page until it is fixed, and an edit of static/
// reloads the page. No timing is asserted (bench/run --serve measures it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, launch } from "./helpers.mjs";

let root, server, base, browser;

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

before(async () => {
  // The mini fixture over the repository's templates, static files and translations.
  root = mkdtempSync(join(tmpdir(), "codecompare-serve-"));
  for (const dir of ["templates", "static", "i18n"]) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  cpSync(join(repo, "tests", "fixtures", "mini"), root, { recursive: true });
  const bin = join(repo, "target", "release", "codecompare");
  server = spawn(bin, ["serve", "--root", root, "--port", String(await freePort())], { stdio: ["ignore", "pipe", "ignore"] });
  base = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const serving = out.match(/Serving .* at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (serving) resolve(serving[1]);
    });
    server.on("exit", () => reject(new Error(`serve exited:\n${out}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

// A page of the served site, which tells when its live-reload connection is
// open (an edit made before that would not reach it).
async function open(path) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const Native = window.EventSource;
    window.EventSource = function (...args) {
      const source = new Native(...args);
      source.addEventListener("open", () => { window.__connected = true; });
      return source;
    };
  });
  await page.goto(base + path);
  await page.waitForFunction(() => window.__connected === true, null, { timeout: 10000 });
  return page;
}

const overlay = "#codecompare-build-error";

test("an edit shows in the open page in place, with its scripts run again", async () => {
  const page = await open("/ftp/125/");
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  assert.equal(await page.locator("h1").innerText(), "FTP 125 Data Connection Open");
  await page.waitForFunction(() => !document.querySelector("form.search").hidden, null, { timeout: 5000 });
  // Survives an update in place, not a navigation.
  await page.evaluate(() => { window.__stays = true; });
  const file = join(root, "content", "ftp", "125.yaml");
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace("name: Data Connection Open", "name: Data Link Open"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("Data Link Open"), null, { timeout: 10000 });
  assert.match(await page.title(), /Data Link Open/, "the head's title too");
  assert.equal(await page.evaluate(() => window.__stays), true, "no navigation");
  await page.waitForFunction(() => !document.querySelector("form.search").hidden, null, { timeout: 5000 });

  // A broken file: the errors over the page; the fix: the page again.
  writeFileSync(file, good.replace("name: Data Connection Open", "name: Broken\n  bad: ["));
  await page.locator(overlay).waitFor({ timeout: 10000 });
  assert.match(await page.locator(overlay).innerText(), /content\/ftp\/125\.yaml/);
  writeFileSync(file, good.replace("name: Data Connection Open", "name: Data Path Open"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("Data Path Open"), null, { timeout: 10000 });
  assert.equal(await page.locator(overlay).count(), 0, "the overlay went with the old body");
  assert.equal(await page.evaluate(() => window.__stays), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an edit of static/ reloads the page", async () => {
  const page = await open("/ftp/");
  await page.evaluate(() => { window.__stays = true; });
  const reloaded = page.waitForEvent("load", { timeout: 10000 });
  appendFileSync(join(root, "static", "style.css"), "\n/* edited */\n");
  await reloaded;
  assert.equal(await page.evaluate(() => window.__stays), undefined, "a new document");
  await page.close();
});
