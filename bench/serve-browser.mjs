// Edit → browser latency of `codecompare serve`, in headless Chromium (the
// browser tests' Chromium and playwright-core, tests/browser/helpers.mjs).
//
//   node bench/serve-browser.mjs BASE_URL PATH FILE KIND [EDITS]
//
// Opens BASE_URL + PATH, then EDITS times (default 10): waits until the page
// is connected to /__livereload and the server is idle, writes FILE (KIND
// `code`: the first `name:` gets " E<i>"; KIND `ftl`: Korean `notfound-title`
// becomes "없는 페이지 <i>") and times from just before the write until the
// page's DOM has the edit in its <h1> or <title> (`dom`), and until the next
// animation frame after that (`frame`, about when it is painted). The page
// may be updated in place (what serve's live-reload script does) or reloaded;
// a MutationObserver, installed in every document, sees either. Both clocks
// are the machine's wall clock (performance.timeOrigin + now()).
// Prints one JSON object: {"dom": [ms…], "frame": [ms…], "how": […]} with
// "in place" or "reload" per edit. FILE is restored at the end.
import { readFileSync, writeFileSync } from "node:fs";
import { launch } from "../tests/browser/helpers.mjs";

const [base, path, file, kind, count = "10"] = process.argv.slice(2);
const edits = Number(count);
const original = readFileSync(file, "utf8");

function edited(i) {
  if (kind === "code") {
    const name = /^name: ("?)(.*?)("?)$/m;
    if (!name.test(original)) throw new Error(`${file} has no "name:" line`);
    return original.replace(name, (_, q1, text, q2) => `name: ${q1}${text} E${i}${q2}`);
  }
  const from = "notfound-title = 페이지를 찾을 수 없습니다";
  if (!original.includes(from)) throw new Error(`${file} has no "${from}"`);
  return original.replace(from, `notfound-title = 없는 페이지 ${i}`);
}
const marker = (i) => (kind === "code" ? ` E${i}` : `없는 페이지 ${i}`);

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const browser = await launch();
const page = await browser.newPage();
let reports = [];
let opened = 0;
await page.exposeFunction("__ccReport", (report) => reports.push(report));
await page.exposeFunction("__ccOpen", () => opened++);
await page.addInitScript(() => {
  const clock = () => performance.timeOrigin + performance.now();
  // When the live-reload connection is open, the next edit can be made.
  const Native = window.EventSource;
  window.EventSource = function (...args) {
    const source = new Native(...args);
    source.addEventListener("open", () => window.__ccOpen());
    return source;
  };
  // Every change of the heading or title, with when it happened and how.
  const how = performance.getEntriesByType("navigation")[0]?.type === "reload" ? "reload" : "in place";
  let last = null;
  const check = () => {
    const text = (document.querySelector("h1")?.textContent ?? "") + "\n" + document.title;
    if (text === last) return;
    last = text;
    const dom = clock();
    requestAnimationFrame(() => window.__ccReport({ dom, frame: clock(), text, how }));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
});

async function until(test, what, timeout = 30000) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const result = { dom: [], frame: [], how: [] };
try {
  await page.goto(base + path);
  let reloaded = true;
  for (let i = 0; i < edits; i++) {
    // A reloaded page connects again; a page updated in place stays connected.
    if (reloaded) await until(() => opened > 0, "the live-reload connection");
    await sleep(400); // the server finishes the last reload (samples, freeing)
    reports = [];
    opened = 0;
    const t0 = now();
    writeFileSync(file, edited(i));
    const seen = () => reports.find((r) => r.text.includes(marker(i)));
    await until(seen, `"${marker(i)}" at ${path}`);
    result.dom.push(+(seen().dom - t0).toFixed(1));
    result.frame.push(+(seen().frame - t0).toFixed(1));
    result.how.push(seen().how);
    reloaded = seen().how === "reload";
  }
} finally {
  writeFileSync(file, original);
  await sleep(400);
  await browser.close();
}
console.log(JSON.stringify(result));
