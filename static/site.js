// codecompare: search as you type, the two-code picker, copyable heading anchors.
// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function norm(s) { return (s || "").toLowerCase().normalize("NFC"); }

  // ---- Search: a small static index per locale, fetched on first focus. ----
  function setupSearch(form) {
    var input = form.querySelector("input");
    var list = form.querySelector(".search-results");
    var status = form.querySelector("[role=status]");
    var entries = null, loading = null;
    form.hidden = false;
    function load() {
      if (!loading) {
        loading = fetch(form.dataset.index).then(function (r) { return r.json(); })
          .then(function (data) { entries = data; return data; });
      }
      return loading;
    }
    function score(e, terms, q) {
      var code = e.c, hay = norm(e.p + " " + e.c + " " + e.n + " " + e.s + " " + (e.e || "") + " " + (e.a || ""));
      var aliases = (e.a || "").split(" ");
      if (q === code || q === norm(e.p + " " + code)) return e.p ? 1000 : 1100;
      var s = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        if (code === t) s += e.p ? 500 : 600;
        else if (aliases.indexOf(t) !== -1) s += 300;
        else if (code.indexOf(t) === 0) s += 200;
        else if (norm(e.n).indexOf(t) !== -1) s += 50;
        else if (hay.indexOf(t) !== -1) s += 10;
        else return 0;
      }
      return s;
    }
    function render(q) {
      var query = norm(q).trim();
      list.innerHTML = "";
      if (!query) { list.hidden = true; status.textContent = ""; return; }
      var codes = query.match(/\b\d{3}\b/g) || [];
      var terms = query.split(/\s+|vs/).filter(Boolean);
      var items = [];
      // "125 vs 426" or "125 426": offer the comparison first.
      if (codes.length === 2 && codes[0] !== codes[1]) {
        var a = null, b = null;
        entries.forEach(function (e) { if (e.c === codes[0] && !a) a = e; });
        entries.forEach(function (e) { if (e.c === codes[1] && a && e.p === a.p && !b) b = e; });
        if (a && b && (a.x || a.c[0] === b.c[0])) {
          var lo = +a.c < +b.c ? a : b, hi = lo === a ? b : a;
          items.push({ href: a.b + lo.c + "-vs-" + hi.c + "/", code: a.p + " " + lo.c + " " + (form.dataset.vs || "vs") + " " + hi.c, name: form.dataset.compare, summary: lo.n + " / " + hi.n });
        }
        terms = [codes[0]];
      }
      entries.map(function (e) { return [score(e, terms, query), e]; })
        .filter(function (x) { return x[0] > 0; })
        .sort(function (x, y) { return y[0] - x[0] || (x[1].p + x[1].c < y[1].p + y[1].c ? -1 : 1); })
        .slice(0, 12)
        .forEach(function (x) { var e = x[1]; items.push({ href: e.u, code: (e.p ? e.p + " " : "") + e.c, name: e.n, summary: e.s }); });
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.href;
        link.id = "search-result-" + i;
        var code = document.createElement("span"); code.className = "code"; code.textContent = item.code;
        var name = document.createElement("span"); name.className = "name"; name.textContent = item.name;
        var summary = document.createElement("span"); summary.className = "summary"; summary.textContent = item.summary;
        link.append(code, name, summary);
        li.append(link);
        list.append(li);
      });
      if (!items.length) {
        var li = document.createElement("li"); li.textContent = form.dataset.empty; list.append(li);
      }
      list.hidden = false;
      status.textContent = items.length ? items.length + "" : form.dataset.empty;
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load().then(function () { render(input.value); }); });
    input.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && links.length) { ev.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      if (ev.key === "Escape") { list.hidden = true; }
    });
    list.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown") { ev.preventDefault(); if (i < links.length - 1) links[i + 1].focus(); }
      if (ev.key === "ArrowUp") { ev.preventDefault(); if (i > 0) links[i - 1].focus(); else input.focus(); }
      if (ev.key === "Escape") { list.hidden = true; input.focus(); }
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
    document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) list.hidden = true; });
  }

  // ---- Picker: two codes → their comparison page, in canonical order. ----
  // Both lists hold the codes in code order (5.1.2 before 5.1.10), so the
  // lower index comes first.
  function comparisonUrl(base, first, second) {
    return base + first.value + "-vs-" + second.value + "/";
  }
  function setupPicker(form) {
    var selects = form.querySelectorAll("select");
    var message = form.querySelector(".picker-message");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var a = selects[0].value, b = selects[1].value;
      if (a === b) { message.textContent = form.dataset.same; selects[1].focus(); return; }
      var classA = selects[0].selectedOptions[0].dataset.class, classB = selects[1].selectedOptions[0].dataset.class;
      if (form.dataset.policy === "same-class" && classA !== classB) { message.textContent = form.dataset.otherClass; return; }
      var catA = selects[0].selectedOptions[0].dataset.category, catB = selects[1].selectedOptions[0].dataset.category;
      if (form.dataset.policy === "same-category" && catA !== catB) { message.textContent = form.dataset.otherCategory; return; }
      message.textContent = "";
      var inOrder = selects[0].selectedIndex < selects[1].selectedIndex;
      var first = inOrder ? selects[0] : selects[1], second = inOrder ? selects[1] : selects[0];
      window.location.href = comparisonUrl(form.dataset.base, first, second);
    });
  }

  // ---- Heading anchors: a click also copies the section's address. ----
  function setupAnchors() {
    document.querySelectorAll("a.anchor").forEach(function (a) {
      a.addEventListener("click", function () {
        if (navigator.clipboard) navigator.clipboard.writeText(a.href).catch(function () {});
      });
    });
  }

  document.querySelectorAll("form.search").forEach(setupSearch);
  document.querySelectorAll("form.picker").forEach(setupPicker);
  setupAnchors();
  window.codecompare = { comparisonUrl: comparisonUrl };
})();
