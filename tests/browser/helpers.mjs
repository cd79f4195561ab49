// Shared setup of the browser tests: build the repository's site with the
// release binary, serve it on loopback, and drive Debian's Chromium.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function buildSite() {
  const out = join(mkdtempSync(join(tmpdir(), "codecompare-browser-")), "public");
  const bin = join(repo, "target", "release", "codecompare");
  execFileSync(bin, ["build", "--root", repo, "--output", out], { stdio: "inherit" });
  return out;
}

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain" };

// A static server like a plain web host: folders serve index.html, a miss the 404 page.
export function serve(dir) {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(readFileSync(join(dir, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// One page of each kind, in each locale: what axe, vnu and the overflow check visit.
export const samplePaths = ["/", "/ftp/", "/ftp/125/", "/ftp/125-vs-426/", "/http/404-vs-410/", "/smtp/550/", "/404.html",
  "/ftp/commands/", "/ftp/commands/retr/", "/codes/421/", "/smtp-enhanced/5.7.1/", "/smtp-enhanced/5.1.1-vs-5.1.10/", "/http/499/"]
  .flatMap((p) => [p, p === "/" ? "/ko/" : "/ko" + p]);
