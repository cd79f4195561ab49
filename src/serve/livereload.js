// Injected by `codecompare serve` only: shows the page again after a reload
// of the site and shows build errors over the page until they are fixed.
//
// After an edit of content, translations or templates the page is fetched and
// put in place of the old one (body, title and the rest of the head's text),
// and the page's scripts run again on it: no navigation, so the styles and
// scripts are not loaded again, the connection stays open and the scroll
// position stays. A browser spends longer on a full reload than the server
// spends reloading the site. The page reloads in full after an edit of
// static/ ("full"), when its stylesheets or scripts change, or when the
// answer is not a page.
(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay || !document.body.contains(overlay)) {
      overlay = document.createElement("div");
      overlay.id = "codecompare-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:9999;overflow:auto;background:rgba(20,20,20,.94);color:#ffd7d5;padding:1.5rem;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "codecompare: the last change does not build; still showing the last good version.\n\n" + text;
  }

  function isResource(element) {
    return (element.matches("link[rel=stylesheet]") || element.matches("script[src]"));
  }
  function resources(doc) {
    return Array.prototype.filter.call(doc.head.children, isResource)
      .map(function (e) { return e.outerHTML; }).join("\n");
  }

  function replace(next) {
    if (resources(next) !== resources(document)) throw new Error("other stylesheets or scripts");
    var head = document.head;
    Array.prototype.filter.call(head.children, function (e) { return !isResource(e); })
      .forEach(function (e) { e.remove(); });
    var first = head.firstChild;
    Array.prototype.filter.call(next.head.children, function (e) { return !isResource(e); })
      .forEach(function (e) { head.insertBefore(document.adoptNode(e), first); });
    ["lang", "dir"].forEach(function (name) {
      var value = next.documentElement.getAttribute(name);
      if (value === null) document.documentElement.removeAttribute(name);
      else document.documentElement.setAttribute(name, value);
    });
    document.body.replaceWith(document.adoptNode(next.body));
    // The page's own scripts, on the new body (this one keeps running).
    Array.prototype.filter.call(head.querySelectorAll("script[src]"), function (s) {
      return s.getAttribute("src") !== "/__livereload.js";
    }).forEach(function (old) {
      var script = document.createElement("script");
      script.src = old.src;
      document.body.appendChild(script);
    });
  }

  var latest = 0;
  function refresh() {
    var mine = ++latest;
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
          throw new Error("not a page");
        }
        return response.text();
      })
      .then(function (html) {
        if (mine === latest) replace(new DOMParser().parseFromString(html, "text/html"));
      })
      .catch(function () { window.location.reload(); });
  }

  var source = new EventSource("/__livereload");
  source.addEventListener("reload", function (event) {
    if (event.data === "full") window.location.reload();
    else refresh();
  });
  source.addEventListener("build-error", function (event) { show(event.data); });
})();
