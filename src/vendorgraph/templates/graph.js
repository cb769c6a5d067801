/* vendorgraph graph page. Reads its data from <script type="application/json" id="vg-data">.
   Every text from a policy is written with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vg-data").textContent);
  var meta = data.meta || {};
  var pal = meta.palette || {};
  var RISK = ["high", "medium", "low"];
  var state = {country: "", role: "", mechanism: "", category: "", risk: "", paths: "", entities: false};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function clip(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }

  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  function labelOf(id) { var n = byId[id]; return n ? String(n.label) : String(id); }

  function tooltip(item, heading) {
    var box = el("div", null, "vg-tip");
    box.appendChild(el("strong", heading));
    (item.vg.facts || []).slice(0, 4).forEach(function (f) { box.appendChild(el("div", f[0] + ": " + f[1])); });
    var q = (item.vg.quotes || [])[0];
    if (q) { box.appendChild(el("div", "\u201c" + clip(q.text, 220) + "\u201d \u2014 " + q.document, "vg-tipq")); }
    return box;
  }

  data.edges.forEach(function (e) {
    var to = byId[e.to];
    var cs = (e.vg.countries || []).slice();
    ((to && to.vg.countries) || []).forEach(function (c) { if (cs.indexOf(c) < 0) { cs.push(c); } });
    e.vg.allCountries = cs;
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("vg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);

  // Tooltips are built on first hover (thousands of DOM elements up front would slow a large page).
  var tipped = {};
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    if (n && !tipped["n" + p.node]) { tipped["n" + p.node] = true; nodes.update({id: n.id, title: tooltip(n, n.label)}); }
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (e && !tipped["e" + p.edge]) {
      tipped["e" + p.edge] = true;
      edges.update({id: e.id, title: tooltip(e, labelOf(e.from) + " \u2192 " + labelOf(e.to))});
    }
  });

  function has(list, v) { return (list || []).indexOf(v) >= 0; }
  function riskOk(r) { return !state.risk || (r && RISK.indexOf(r) <= RISK.indexOf(state.risk)); }
  function edgeOk(e) {
    var v = e.vg, to = byId[e.to];
    if (state.country && !has(v.allCountries, state.country)) { return false; }
    if (state.mechanism && !has(v.mechanisms, state.mechanism)) { return false; }
    if (state.category && !has(v.categories, state.category)) { return false; }
    if (state.role && !has(v.roles, state.role) && !(to && has(to.vg.roles, state.role))) { return false; }
    if (state.paths && !has(v.paths, state.paths)) { return false; }
    if (!riskOk(v.risk)) { return false; }
    return true;
  }
  function active() {
    return !!(state.country || state.role || state.mechanism || state.category || state.risk || state.paths);
  }

  function apply(initial) {
    var on = active(), shownNodes = {}, edgeUpd = [], nodeUpd = [], ne = 0, nn = 0;
    data.edges.forEach(function (e) {
      if (e.vg.kind === "entity") { return; }
      var ok = !on || edgeOk(e);
      if (ok) { shownNodes[e.from] = true; shownNodes[e.to] = true; ne += 1; }
      edgeUpd.push({id: e.id, hidden: !ok});
    });
    data.nodes.forEach(function (n) {
      if (n.vg.kind === "entity") { return; }
      var ok = !on || !!shownNodes[n.id];
      if (ok) { nn += 1; }
      nodeUpd.push({id: n.id, hidden: !ok});
      shownNodes[n.id] = ok;
    });
    data.nodes.forEach(function (n) {
      if (n.vg.kind === "entity") { nodeUpd.push({id: n.id, hidden: !(state.entities && shownNodes[n.vg.parent])}); }
    });
    data.edges.forEach(function (e) {
      if (e.vg.kind === "entity") { edgeUpd.push({id: e.id, hidden: !(state.entities && shownNodes[e.from])}); }
    });
    if (!initial) { nodes.update(nodeUpd); edges.update(edgeUpd); }  // the page starts unfiltered
    document.getElementById("vg-stats").textContent = nn + " of " + (data.nodes.length - countEntities()) +
      " nodes \u00b7 " + ne + " edges shown \u00b7 page limit " + meta.maxNodes + " nodes";
  }
  function countEntities() { return data.nodes.filter(function (n) { return n.vg.kind === "entity"; }).length; }

  function fill(id, values) {
    var sel = document.getElementById(id);
    (values || []).forEach(function (v) { sel.appendChild(new Option(v, v)); });
    sel.addEventListener("change", function () {
      state[id.slice(2)] = sel.value; apply(); network.fit({animation: false});
    });
  }
  fill("f-country", meta.countries);
  fill("f-role", meta.roles);
  fill("f-mechanism", meta.mechanisms);
  fill("f-category", meta.categories);
  fill("f-risk", meta.risks);
  fill("f-paths", meta.paths);
  document.getElementById("f-entities").addEventListener("change", function (ev) {
    state.entities = ev.target.checked; apply(false);
  });
  document.getElementById("f-physics").addEventListener("change", function (ev) {
    network.setOptions({physics: {enabled: ev.target.checked}});
  });
  document.getElementById("f-reset").addEventListener("click", function () {
    ["country", "role", "mechanism", "category", "risk", "paths"].forEach(function (k) {
      state[k] = ""; document.getElementById("f-" + k).value = "";
    });
    apply(); network.fit();
  });

  function showDetails(item, heading) {
    var box = document.getElementById("vg-details");
    box.textContent = "";
    box.appendChild(el("h2", heading));
    var dl = el("dl");
    (item.vg.facts || []).forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    box.appendChild(dl);
    var quotes = item.vg.quotes || [];
    box.appendChild(el("h3", quotes.length ? "Evidence" : "No evidence quote"));
    quotes.forEach(function (q) {
      box.appendChild(el("blockquote", q.text, "vg-quote"));
      box.appendChild(el("div", "\u2014 " + q.document, "vg-cite"));
    });
  }
  function showNode(id) { var n = byId[id]; if (n) { showDetails(n, n.label); } }
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); return; }
    if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      if (e) { showDetails(e, labelOf(e.from) + " \u2192 " + labelOf(e.to)); }
    }
  });

  var search = document.getElementById("vg-search");
  function find() {
    var q = search.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); return; }
    var hits = data.nodes.filter(function (n) { return n.vg.search.indexOf(q) >= 0 && !nodes.get(n.id).hidden; });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    if (hits.length) {
      network.focus(hits[0].id, {scale: 1.2, animation: false});
      showNode(hits[0].id);
    }
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });

  function legend() {
    var box = document.getElementById("vg-legend");
    box.appendChild(el("h3", "Node colour: role"));
    Object.keys(pal.roles || {}).forEach(function (k) {
      var row = el("div"), sw = el("span", null, "vg-sw");
      sw.style.background = pal.roles[k][0];
      row.appendChild(sw); row.appendChild(document.createTextNode(pal.roles[k][1])); box.appendChild(row);
    });
    box.appendChild(el("h3", "Node shape: kind"));
    Object.keys(pal.shapes || {}).forEach(function (k) { box.appendChild(el("div", pal.shapes[k] + " \u2014 " + k)); });
    box.appendChild(el("h3", "Border: risk (\u26a0 = high)"));
    Object.keys(pal.severity || {}).forEach(function (k) {
      var row = el("div"), sw = el("span", null, "vg-sw");
      sw.style.border = "3px solid " + pal.severity[k];
      row.appendChild(sw); row.appendChild(document.createTextNode(k === "none" ? "no finding" : k)); box.appendChild(row);
    });
    box.appendChild(el("h3", "Edges"));
    [["flow", "data flow (label: data categories)"], ["transfer", "third-country transfer (label: mechanisms)"],
     ["bad_mechanism", "invalid or missing mechanism"], ["entity", "legal entity of a vendor"]].forEach(function (x) {
      var row = el("div"), line = el("span", null, "vg-line");
      line.style.borderTopColor = (pal.edges || {})[x[0]] || "#999";
      row.appendChild(line); row.appendChild(document.createTextNode(x[1])); box.appendChild(row);
    });
  }
  legend();
  apply(true);
  network.once("afterDrawing", function () { document.body.setAttribute("data-rendered", "true"); });
  window.vgPage = {network: network, nodes: nodes, edges: edges, state: state, apply: apply, showNode: showNode};
})();
