(function () {
  "use strict";
  var doc = document;
  var tbody = doc.querySelector("#dtab tbody");
  var synPane = doc.getElementById("synoptic");
  var tabPane = doc.getElementById("divergences");
  var rows = Array.prototype.slice.call(tbody.rows);
  var byId = Object.create(null);
  rows.forEach(function (tr) { byId[tr.getAttribute("data-d")] = tr; });
  var marked = null; // divergence id -> elements (synoptic readings and overview marks)
  var current = null;
  var searchText = null;
  var sortKey = "sev", sortDir = -1; // the table comes most severe first

  function els(id) {
    if (!marked) {
      marked = Object.create(null);
      var all = doc.querySelectorAll("#synoptic [data-d], #overview [data-d]");
      for (var i = 0; i < all.length; i++) {
        var ids = all[i].getAttribute("data-d").split(" ");
        for (var j = 0; j < ids.length; j++) {
          if (!ids[j]) continue;
          (marked[ids[j]] || (marked[ids[j]] = [])).push(all[i]);
        }
      }
    }
    return marked[id] || [];
  }

  function checked(name) {
    var out = Object.create(null);
    var boxes = doc.querySelectorAll('.filters input[name="' + name + '"]');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) out[boxes[i].value] = true;
    return out;
  }

  function rowText(tr) {
    var t = tr.textContent;
    var titled = tr.querySelectorAll("[title]");
    for (var i = 0; i < titled.length; i++) t += " " + titled[i].getAttribute("title");
    return t.toLowerCase();
  }

  function applyFilters() {
    var cats = checked("cat"), kinds = checked("kind");
    var flag = doc.getElementById("f-flag").value;
    var minSev = parseFloat(doc.getElementById("f-sev").value) || 0;
    var q = doc.getElementById("f-q").value.trim().toLowerCase();
    doc.getElementById("sev-out").textContent = minSev.toFixed(2);
    if (q && !searchText) {
      searchText = Object.create(null);
      rows.forEach(function (tr) { searchText[tr.getAttribute("data-d")] = rowText(tr); });
    }
    var terms = q ? q.split(/\s+/) : [];
    var shown = 0;
    var hiddenIds = Object.create(null);
    rows.forEach(function (tr) {
      var id = tr.getAttribute("data-d");
      var ok = cats[tr.getAttribute("data-cat")] && kinds[tr.getAttribute("data-kind")] &&
        parseFloat(tr.getAttribute("data-sev")) >= minSev - 1e-9;
      if (ok && flag) {
        var fl = tr.getAttribute("data-flags");
        ok = flag === "*" ? fl.length > 0 : (" " + fl + " ").indexOf(" " + flag + " ") >= 0;
      }
      if (ok && terms.length) {
        var t = searchText[id];
        for (var i = 0; i < terms.length && ok; i++) ok = t.indexOf(terms[i]) >= 0;
      }
      tr.hidden = !ok;
      if (ok) shown++; else hiddenIds[id] = true;
    });
    var all = doc.querySelectorAll("#synoptic [data-d], #overview [data-d]");
    for (var i = 0; i < all.length; i++) {
      var ids = all[i].getAttribute("data-d").split(" ");
      var off = true;
      for (var j = 0; j < ids.length; j++) if (ids[j] && !hiddenIds[ids[j]]) { off = false; break; }
      all[i].classList.toggle("off", off);
    }
    doc.getElementById("shown").textContent = String(shown);
    doc.getElementById("empty-msg").hidden = shown > 0;
    if (current && byId[current] && !byId[current].hidden) scrollWithin(tabPane, byId[current], false);
  }

  function clearSelection() {
    var old = doc.querySelectorAll(".sel, .relsel, .row.cur");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("sel", "relsel", "cur");
    current = null;
    doc.getElementById("cur").textContent = "none selected";
  }

  function scrollWithin(pane, el, center) {
    var pr = pane.getBoundingClientRect(), er = el.getBoundingClientRect();
    var head = pane.querySelector(".synhead, thead");
    var top = pr.top + (head ? head.getBoundingClientRect().height : 0);
    if (center || er.top < top || er.bottom > pr.bottom) {
      var target = pane.scrollTop + (er.top - pr.top) - (center ? (pane.clientHeight - er.height) / 2 : (top - pr.top) + 8);
      pane.scrollTop = Math.max(0, target);
    }
  }

  function select(id, fromTable) {
    var tr = byId[id];
    if (!tr) return;
    clearSelection();
    current = id;
    tr.classList.add("sel");
    var list = els(id);
    var firstPerColumn = [];
    var seenCols = Object.create(null);
    list.forEach(function (el) {
      el.classList.add("sel");
      var cell = el.closest(".cell");
      if (cell) {
        var w = cell.getAttribute("data-w");
        if (!seenCols[w]) { seenCols[w] = true; firstPerColumn.push(el); }
        var row = cell.parentNode;
        if (row) row.classList.add("cur");
      }
    });
    (tr.getAttribute("data-rel") || "").split(" ").forEach(function (rid) {
      if (!rid) return;
      els(rid).forEach(function (el) { el.classList.add("relsel"); });
    });
    var target = firstPerColumn[0];
    if (!target) {
      var rowNo = tr.getAttribute("data-row");
      target = rowNo !== null ? doc.getElementById("row-" + rowNo) : null;
      if (target) target.classList.add("cur");
    }
    if (target) scrollWithin(synPane, target, true);
    if (!fromTable) scrollWithin(tabPane, tr, false);
    var cat = tr.getAttribute("data-cat"), kind = tr.getAttribute("data-kind");
    doc.getElementById("cur").textContent = "#" + tr.getAttribute("data-n") + " " + cat + " " + kind +
      " (severity " + parseFloat(tr.getAttribute("data-sev")).toFixed(2) + ")";
  }

  function visibleRows() {
    return Array.prototype.filter.call(tbody.rows, function (tr) { return !tr.hidden; });
  }

  function step(delta) {
    var vis = visibleRows();
    if (!vis.length) return;
    var i = current ? vis.indexOf(byId[current]) : -1;
    var next;
    if (i < 0) next = delta > 0 ? 0 : vis.length - 1;
    else next = Math.max(0, Math.min(vis.length - 1, i + delta));
    select(vis[next].getAttribute("data-d"), false);
    vis[next].focus({ preventScroll: true });
  }

  var CAT_ORDER = { substantive: 0, lexical: 1, orthographic: 2, accidental: 3, editorial: 4 };
  function sortBy(key) {
    if (sortKey === key) sortDir = -sortDir;
    else { sortKey = key; sortDir = key === "sev" ? -1 : 1; }
    var n = function (tr) { return parseInt(tr.getAttribute("data-n"), 10); };
    var val = {
      n: n,
      sev: function (tr) { return parseFloat(tr.getAttribute("data-sev")); },
      cat: function (tr) { var c = CAT_ORDER[tr.getAttribute("data-cat")]; return c === undefined ? 9 : c; },
      where: function (tr) { var r = tr.getAttribute("data-row"); return r === null ? 1e9 : parseInt(r, 10); }
    }[key];
    var sorted = rows.slice().sort(function (a, b) {
      var x = val(a), y = val(b);
      if (x < y) return -sortDir;
      if (x > y) return sortDir;
      return n(a) - n(b);
    });
    var frag = doc.createDocumentFragment();
    sorted.forEach(function (tr) { frag.appendChild(tr); });
    tbody.appendChild(frag);
    var ths = doc.querySelectorAll("#dtab thead th[data-sort]");
    for (var i = 0; i < ths.length; i++) {
      var on = ths[i].getAttribute("data-sort") === key;
      ths[i].classList.toggle("sorted", on);
      ths[i].classList.toggle("asc", on && sortDir > 0);
      ths[i].classList.toggle("desc", on && sortDir < 0);
    }
  }

  var data = null;
  function payload() {
    if (!data) data = JSON.parse(doc.getElementById("report-data").textContent);
    return data;
  }
  function download(kind) {
    var d = payload();
    var base = doc.getElementById("report-data").getAttribute("data-name") || "report";
    var body, type, name;
    if (kind === "tei") {
      if (!d.tei) return;
      body = d.tei; type = "application/tei+xml"; name = base + ".apparatus.xml";
    } else if (kind === "chain") {
      if (!d.chain) return;
      body = JSON.stringify(d.chain, null, 2) + "\n"; type = "application/json"; name = base + ".chain.json";
    } else {
      body = JSON.stringify(d.result, null, 2) + "\n"; type = "application/json"; name = base + ".json";
    }
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var a = doc.createElement("a");
    a.href = url; a.download = name; a.hidden = true;
    doc.body.appendChild(a);
    a.click();
    doc.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
  }

  // events
  tbody.addEventListener("click", function (ev) {
    var go = ev.target.closest("[data-go]");
    if (go) { ev.preventDefault(); select(go.getAttribute("data-go"), false); return; }
    var tr = ev.target.closest("tr");
    if (tr) select(tr.getAttribute("data-d"), true);
  });
  function pick(ev) {
    var el = ev.target.closest("[data-d]");
    if (!el) return;
    var ids = el.getAttribute("data-d").split(" ").filter(function (x) { return x && byId[x] && !byId[x].hidden; });
    if (!ids.length) return;
    var k = ids.indexOf(current);
    select(ids[(k + 1) % ids.length], false);
  }
  synPane.addEventListener("click", pick);
  doc.getElementById("overview").addEventListener("click", pick);
  doc.querySelector("#dtab thead").addEventListener("click", function (ev) {
    var th = ev.target.closest("th[data-sort]");
    if (th) sortBy(th.getAttribute("data-sort"));
  });
  doc.querySelector(".filters").addEventListener("input", applyFilters);
  doc.querySelector(".filters").addEventListener("change", applyFilters);
  doc.getElementById("f-reset").addEventListener("click", function () {
    var boxes = doc.querySelectorAll(".filters input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = true;
    doc.getElementById("f-flag").value = "";
    doc.getElementById("f-sev").value = "0";
    doc.getElementById("f-q").value = "";
    applyFilters();
  });
  doc.querySelector(".cats").addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-only-cat]");
    if (!b) return;
    var c = b.getAttribute("data-only-cat");
    var boxes = doc.querySelectorAll('.filters input[name="cat"]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = boxes[i].value === c;
    applyFilters();
    doc.getElementById("reading").scrollIntoView({ block: "start" });
  });
  doc.querySelector(".actions").addEventListener("click", function (ev) {
    var b = ev.target.closest("button");
    if (!b || b.disabled) return;
    if (b.getAttribute("data-action") === "print") window.print();
    else if (b.getAttribute("data-download")) download(b.getAttribute("data-download"));
  });
  doc.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (ev.key === "Escape") {
      if (typing) t.blur(); else clearSelection();
      return;
    }
    if (typing) return;
    if (ev.key === "j" || ev.key === "n") { ev.preventDefault(); step(1); }
    else if (ev.key === "k" || ev.key === "p") { ev.preventDefault(); step(-1); }
    else if (ev.key === "/") { ev.preventDefault(); doc.getElementById("f-q").focus(); }
    else if (ev.key === "Enter" && t && t.tagName === "TR" && t.getAttribute("data-d")) select(t.getAttribute("data-d"), true);
  });
  rows.forEach(function (tr) { tr.tabIndex = -1; });

  doc.getElementById("matters").addEventListener("click", function (ev) {
    var go = ev.target.closest("[data-go]");
    if (!go) return;
    ev.preventDefault();
    doc.getElementById("reading").scrollIntoView({ block: "start" });
    select(go.getAttribute("data-go"), false);
  });

  var hash = decodeURIComponent((location.hash || "").replace(/^#(t-)?/, ""));
  if (hash && byId[hash]) select(hash, false);
  else {
    // open the synoptic view at the first substantive change of the text
    var first = synPane.getAttribute("data-first");
    var at = first ? els(first).filter(function (el) { return synPane.contains(el); })[0] : null;
    if (at) scrollWithin(synPane, at, true);
  }

  doc.documentElement.setAttribute("data-report-ready", "1");
  window.reportReady = true;
  if (window.performance && performance.mark) performance.mark("report-ready");
})();
