// Injected by `codecompare serve` only: reloads the page after a rebuild and
// shows build errors over the page until they are fixed.
(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:9999;overflow:auto;background:rgba(20,20,20,.94);color:#ffd7d5;padding:1.5rem;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "codecompare: the last change does not build; still showing the last good version.\n\n" + text;
  }
  var source = new EventSource("/__livereload");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("build-error", function (event) { show(event.data); });
})();
