// The Nu HTML Checker over one page of each kind in every locale: zero errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildSite, samplePaths } from "./helpers.mjs";

const require = createRequire(import.meta.url);

test("every page type in every locale is valid HTML", () => {
  const site = buildSite();
  const files = samplePaths.map((p) => join(site, p.endsWith("/") ? p + "index.html" : p));
  const jar = require("vnu-jar");
  let output = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "text", ...files], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    output = String(err.stderr) + String(err.stdout);
  }
  assert.equal(output.trim(), "", output);
});
