/* Tacitus dashboard. Our own vanilla JS, no framework, no CDN.
 * Every piece of data reaches the page through textContent, text nodes or setAttribute on
 * attributes we name: nothing is ever parsed as markup, and no URL we did not build or check. */
"use strict";
(function () {
  const PAGE = 25;
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const PRIORITY = ["trigger", "source", "target"];  // what shows where spans overlap
  let meta = { code_requires_token: false, max_code_chars: 100000 };

  // --- DOM helpers -------------------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return node;
  }
  const main = () => document.getElementById("main");
  function show(...nodes) { main().replaceChildren(...nodes); }
  function hash(view, arg, params) {
    let h = "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "");
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
    const s = q.toString();
    return s ? h + "?" + s : h;
  }
  function link(text, view, arg, params, attrs) { return el("a", Object.assign({ href: hash(view, arg, params) }, attrs || {}), text); }
  function safeUrl(url) {  // only http(s) links leave the dashboard; anything else stays text
    try { const u = new URL(url); return u.protocol === "http:" || u.protocol === "https:" ? u.href : null; }
    catch (e) { return null; }
  }
  function errorBox(err) { return el("p", { class: "error", role: "alert" }, String(err.message || err)); }
  function quad(q) { return el("span", { class: "q" + q }, QUADS[q] || String(q)); }
  function actorText(a) { return a ? a.code + (a.name ? " (" + a.name + ")" : "") : "—"; }

  async function api(path, options) {
    const resp = await fetch(path, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      let detail = body && body.detail;
      if (Array.isArray(detail)) detail = detail.map((d) => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ");
      throw new Error(detail || resp.status + " " + resp.statusText);
    }
    return body;
  }

  // --- highlighted text ------------------------------------------------------------------------
  /* Split `text` at every span boundary; each piece is a text node, wrapped in <mark> with the
   * kinds that cover it. `focus` (an event id) outlines that event's spans. */
  function highlighted(text, spans, focus) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const cover = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
      if (!cover.length) { out.push(document.createTextNode(piece)); continue; }
      const kind = PRIORITY.find((k) => cover.some((s) => s.kind === k));
      const focused = focus && cover.some((s) => s.event_id === focus);
      const mark = el("mark", { class: kind + (focused ? " focus" : ""), "data-kind": kind,
                                title: [...new Set(cover.map((s) => s.kind))].join(", ") }, piece);
      out.push(mark);
    }
    return out;
  }
  function legend() {
    return el("div", { class: "legend" }, el("span", { class: "source" }, "source"),
      el("span", { class: "target" }, "target"), el("span", { class: "trigger" }, "trigger"));
  }

  // --- event table ---------------------------------------------------------------------------
  function eventTable(events) {
    if (!events.length) return el("p", { class: "muted", id: "no-events" }, "No events match.");
    const rows = events.map((e) => el("tr", { class: "clickable", "data-event": e.event_id,
      on: { click: () => { location.hash = hash("event", e.event_id); } } },
      el("td", {}, e.date || "—"),
      el("td", {}, actorText(e.source)),
      el("td", {}, link(e.cameo, "event", e.event_id, null, { class: "event-link" })),
      el("td", {}, actorText(e.target)),
      el("td", {}, quad(e.quad_class)),
      el("td", { class: "num" }, e.goldstein.toFixed(1)),
      el("td", {}, e.modality),
      el("td", {}, e.sentence.length > 140 ? e.sentence.slice(0, 139) + "…" : e.sentence)));
    return el("table", { class: "events" },
      el("thead", {}, el("tr", {}, ["date", "source", "CAMEO", "target", "quad class", "Goldstein", "modality", "sentence"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows));
  }
  function pager(total, offset, go) {
    const last = Math.min(total, offset + PAGE);
    return el("div", { class: "pager" },
      el("button", { class: "secondary", disabled: offset === 0, on: { click: () => go(Math.max(0, offset - PAGE)) } }, "‹ previous"),
      el("span", { class: "muted", id: "page-info" }, total ? `${offset + 1}–${last} of ${total}` : "0 events"),
      el("button", { class: "secondary", disabled: last >= total, on: { click: () => go(offset + PAGE) } }, "next ›"));
  }

  // --- views ---------------------------------------------------------------------------------
  async function viewTimeline(_, params) {
    const a = (params.get("a") || "").toUpperCase(), b = (params.get("b") || "").toUpperCase();
    const freq = params.get("freq") || "year";
    const codes = el("datalist", { id: "actor-codes" });
    const inA = el("input", { class: "code", name: "a", list: "actor-codes", value: a, placeholder: "USA", "aria-label": "first actor" });
    const inB = el("input", { class: "code", name: "b", list: "actor-codes", value: b, placeholder: "PRK", "aria-label": "second actor" });
    const inF = el("select", { name: "freq", "aria-label": "period" }, ["day", "week", "month", "year"].map((f) => el("option", { value: f, selected: f === freq }, f)));
    const form = el("form", { class: "filters card", id: "dyad-picker", on: { submit: (ev) => {
      ev.preventDefault();
      location.hash = hash("timeline", null, { a: inA.value.trim().toUpperCase(), b: inB.value.trim().toUpperCase(), freq: inF.value });
    } } },
      el("label", {}, "actor", inA), el("label", {}, "and actor", inB), el("label", {}, "per", inF),
      el("button", { type: "submit" }, "Show"), codes);
    const busiest = el("div", { class: "muted", id: "busiest" });
    const chart = el("div", { class: "chart card", id: "timeline-chart" });
    const list = el("div", { id: "timeline-events" });
    show(el("h1", {}, a && b ? `${a} – ${b}` : "Dyad timeline"), form, busiest, chart, list);
    api("/api/actors?limit=200").then((body) => {
      for (const act of body.actors) codes.appendChild(el("option", { value: act.actor }, act.name || act.actor));
    }).catch(() => {});
    api("/api/dyads?limit=8").then((body) => {
      if (!body.dyads.length) return;
      busiest.append("Busiest dyads: ");
      body.dyads.forEach((d, i) => {
        if (i) busiest.append(" · ");
        busiest.append(link(`${d.a}–${d.b} (${d.events})`, "timeline", null, { a: d.a, b: d.b, freq }));
      });
    }).catch(() => {});
    if (!a || !b) { chart.append(el("p", { class: "muted" }, "Pick two actors (country or actor codes) to see how their relations moved.")); return; }
    try {
      const series = await api("/api/dyad?" + new URLSearchParams({ a, b, freq }));
      const rows = series.chart;
      TacitusChart.dyad(chart, rows, {
        title: `${a}–${b}: cooperation and conflict per ${freq}`,
        onBar: (row) => { location.hash = hash("events", null, { dyad: `${a},${b}`, from: row.from, to: row.to }); },
      });
      chart.append(el("div", { class: "legend" }, el("span", { class: "coop" }, "cooperation (quad classes 1–2)"),
        el("span", { class: "conf" }, "conflict (quad classes 3–4)"), el("span", { class: "gold" }, "mean Goldstein score")));
      const body = await api("/api/events?" + new URLSearchParams({ dyad: `${a},${b}`, limit: PAGE, order: "-date" }));
      list.replaceChildren(el("h2", {}, `Latest events (${body.total})`), eventTable(body.events),
        body.total > PAGE ? link("all events of this dyad", "events", null, { dyad: `${a},${b}` }) : "");
    } catch (err) { chart.replaceChildren(errorBox(err)); }
  }

  const FILTERS = [["actor", "actor", "PRK"], ["dyad", "dyad", "USA,PRK"], ["code", "CAMEO code", "04"],
    ["from", "from", "YYYY-MM-DD"], ["to", "to", "YYYY-MM-DD"], ["text", "sentence contains", "words"]];

  async function viewEvents(_, params) {
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const inputs = {};
    const fields = FILTERS.map(([name, label, ph]) => {
      inputs[name] = el("input", { name, value: params.get(name) || "", placeholder: ph });
      return el("label", {}, label, inputs[name]);
    });
    inputs.quad_class = el("select", { name: "quad_class" }, [["", "any"], ["1", QUADS[1]], ["2", QUADS[2]], ["3", QUADS[3]], ["4", QUADS[4]]]
      .map(([v, t]) => el("option", { value: v, selected: (params.get("quad_class") || "") === v }, t)));
    inputs.modality = el("select", { name: "modality" }, ["", "asserted", "negated", "intended", "hypothetical", "claimed"]
      .map((m) => el("option", { value: m, selected: (params.get("modality") || "") === m }, m || "any")));
    const tidy = (k, v) => (k === "dyad" ? v.replace(/\s+/g, "").toUpperCase() : k === "actor" ? v.trim().toUpperCase() : v.trim());
    const current = () => Object.fromEntries(Object.entries(inputs).map(([k, n]) => [k, tidy(k, n.value)]));
    const form = el("form", { class: "filters card", id: "event-filters", on: { submit: (ev) => { ev.preventDefault(); location.hash = hash("events", null, current()); } } },
      fields, el("label", {}, "quad class", inputs.quad_class), el("label", {}, "modality", inputs.modality),
      el("button", { type: "submit" }, "Filter"));
    const out = el("div", { id: "event-results" }, el("p", { class: "muted" }, "Loading…"));
    show(el("h1", {}, "Events"), form, out);
    const query = new URLSearchParams({ limit: PAGE, offset, order: params.get("order") || "date" });
    for (const [k, v] of Object.entries(current())) if (v) query.set(k, v);
    try {
      const body = await api("/api/events?" + query);
      const go = (o) => { location.hash = hash("events", null, Object.assign(current(), { offset: o })); };
      out.replaceChildren(pager(body.total, offset, go), eventTable(body.events));
    } catch (err) { out.replaceChildren(errorBox(err)); }
  }

  async function viewEvent(id) {
    show(el("p", { class: "muted" }, "Loading…"));
    let e;
    try { e = await api("/api/events/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
    const ev = e.evidence;
    const sentence = el("p", { class: "sentence card", id: "evidence" }, highlighted(ev.sentence, ev.spans, null));
    const rows = [
      ["source", actorText(e.source)], ["target", actorText(e.target)],
      ["CAMEO", `${e.cameo} (root ${e.cameo_root})`], ["Goldstein", e.goldstein.toFixed(1)],
      ["quad class", quad(e.quad_class)],
      ["PLOVER", e.plover ? [e.plover.event, e.plover.mode].filter(Boolean).join(" / ") : "—"],
      ["trigger", e.trigger ? e.trigger.text : "—"],
      ["date", e.date ? `${e.date} (${e.date_precision}${e.date_text ? ", “" + e.date_text + "”" : ""})` : "unknown"],
      ["modality", e.modality + (e.historical ? ", historical background" : "")],
      ["location", e.location ? e.location.name + (e.location.country ? " (" + e.location.country + ")" : "") : "—"],
      ["confidence", e.confidence.toFixed(2)],
    ];
    const doc = e.document;
    const external = doc.url ? safeUrl(doc.url) : null;
    show(
      el("h1", {}, `${e.source ? e.source.code : "?"} → ${e.cameo} → ${e.target ? e.target.code : "?"}`),
      legend(), sentence,
      el("div", { class: "cols" },
        el("div", { class: "card" }, el("dl", { class: "meta" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]))),
        el("div", { class: "card", id: "event-document" },
          el("h2", {}, "From the document"),
          el("p", {}, link(doc.title || doc.id, "document", doc.id, { event: e.event_id }, { id: "document-link" })),
          el("p", { class: "muted" }, [doc.source, doc.date].filter(Boolean).join(", ")),
          e.cluster ? el("p", { id: "event-cluster" }, `One of ${e.cluster.num_mentions} report(s) of this event in ${e.cluster.num_documents} document(s) from ${e.cluster.num_sources} source(s).`) : "",
          doc.url ? el("p", {}, external ? el("a", { href: external, rel: "noopener noreferrer nofollow", target: "_blank" }, "original page") : el("span", { class: "muted" }, doc.url)) : "")));
  }

  async function viewDocument(id, params) {
    show(el("p", { class: "muted" }, "Loading…"));
    let d;
    try { d = await api("/api/documents/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
    const focus = params.get("event");
    const external = d.url ? safeUrl(d.url) : null;
    const info = [["source", d.source], ["date", d.date ? `${d.date} (${d.date_source})` : "unknown"],
      ["dateline", d.dateline], ["language", d.lang], ["reference", d.ref], ["status", d.status + (d.reason ? ": " + d.reason : "")],
      ["original", d.url ? (external ? el("a", { href: external, rel: "noopener noreferrer nofollow", target: "_blank" }, d.url) : d.url) : null]]
      .filter(([, v]) => v);
    const text = el("div", { class: "doctext card", id: "document-text" }, highlighted(d.text, d.spans, focus));
    show(el("h1", { id: "document-title" }, d.title || "(untitled document)"),
      el("div", { class: "card" }, el("dl", { class: "meta" }, info.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]))),
      legend(), text,
      el("h2", {}, `Events in this document (${d.events.length})`), eventTable(d.events));
    const first = text.querySelector("mark.focus");
    if (first) first.scrollIntoView({ block: "center" });
  }

  async function viewDocuments(_, params) {
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    show(el("h1", {}, "Documents"), el("p", { class: "muted" }, "Loading…"));
    try {
      const body = await api("/api/documents?" + new URLSearchParams({ limit: PAGE, offset }));
      const rows = body.documents.map((d) => el("tr", {},
        el("td", {}, d.date || "—"), el("td", {}, link(d.title || d.id, "document", d.id)),
        el("td", {}, d.source || "—"), el("td", {}, d.status === "ok" ? "ok" : "rejected: " + (d.reason || "")),
        el("td", { class: "num" }, d.n_sentences)));
      const nav = el("div", { class: "pager" },
        el("button", { class: "secondary", disabled: offset === 0, on: { click: () => { location.hash = hash("documents", null, { offset: Math.max(0, offset - PAGE) }); } } }, "‹ previous"),
        el("button", { class: "secondary", disabled: body.documents.length < PAGE, on: { click: () => { location.hash = hash("documents", null, { offset: offset + PAGE }); } } }, "next ›"));
      show(el("h1", {}, "Documents"), nav, el("table", {}, el("thead", {}, el("tr", {}, ["date", "title", "source", "status", "sentences"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)));
    } catch (err) { show(errorBox(err)); }
  }

  function viewCode() {
    const text = el("textarea", { name: "text", id: "code-text", placeholder: "Paste a news article here…", maxlength: meta.max_code_chars });
    const date = el("input", { name: "date", type: "date", id: "code-date" });
    const source = el("input", { name: "source", id: "code-source", placeholder: "outlet (optional)" });
    const token = el("input", { name: "token", type: "password", id: "code-token", value: sessionStorage.getItem("tacitus-token") || "" });
    const out = el("div", { id: "code-result" });
    const form = el("form", { class: "card", id: "code-form", on: { submit: async (ev) => {
      ev.preventDefault();
      out.replaceChildren(el("p", { class: "muted" }, "Coding…"));
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      if (token.value) { headers.Authorization = "Bearer " + token.value; sessionStorage.setItem("tacitus-token", token.value); }
      const payload = { text: text.value, date: date.value || null, source: source.value || null };
      const submitted = text.value;
      try {
        const body = await api("/api/code", { method: "POST", headers, body: JSON.stringify(payload) });
        out.replaceChildren(el("h2", {}, `${body.events.length} event(s)`), legend(),
          el("div", { class: "doctext card", id: "code-text-highlighted" }, highlighted(submitted, body.spans, null)),
          codedTable(body.events));
      } catch (err) { out.replaceChildren(errorBox(err)); }
    } } },
      el("p", { class: "muted" }, "The text is coded as given and not stored."),
      text, el("div", { class: "filters" }, el("label", {}, "date", date), el("label", {}, "source", source),
        meta.code_requires_token ? el("label", {}, "server token", token) : "",
        el("button", { type: "submit" }, "Code it")));
    show(el("h1", {}, "Code a text"), form, out);
  }
  function codedTable(events) {
    if (!events.length) return el("p", { class: "muted" }, "No events found.");
    return el("table", { id: "code-events" }, el("thead", {}, el("tr", {}, ["source", "CAMEO", "target", "quad class", "date", "modality", "sentence"].map((h) => el("th", {}, h)))),
      el("tbody", {}, events.map((e) => el("tr", {}, el("td", {}, actorText(e.source)), el("td", {}, e.cameo), el("td", {}, actorText(e.target)),
        el("td", {}, quad(e.quad_class)), el("td", {}, e.date || "—"), el("td", {}, e.modality), el("td", {}, e.sentence)))));
  }

  // --- router --------------------------------------------------------------------------------
  const VIEWS = { timeline: viewTimeline, events: viewEvents, event: viewEvent, document: viewDocument, documents: viewDocuments, code: viewCode };
  function route() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [path, query] = raw.split("?", 2);
    const [name, arg] = path.split("/", 2);
    const view = VIEWS[name] ? name : "timeline";
    for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.view === view);
    const params = new URLSearchParams(query || "");
    Promise.resolve(VIEWS[view](arg ? decodeURIComponent(arg) : "", params)).catch((err) => show(errorBox(err)));
  }
  async function start() {
    try {
      meta = await api("/api/meta");
      document.getElementById("store-status").textContent = `snapshot ${meta.snapshot_taken_at.slice(0, 19).replace("T", " ")} UTC` + (meta.store_busy ? " · store busy, showing the last copy" : "");
    } catch (err) { /* the views report their own errors */ }
    window.addEventListener("hashchange", route);
    route();
  }
  start();
})();
