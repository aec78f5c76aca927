/*
 * The task explorer (/tra-cuu/): filters with facet counts, free-text search
 * without diacritics, sorting, state in the URL and downloads of the filtered
 * rows, on top of the table the page already lists without JavaScript.
 *
 * It reads compact task records from the JSON the site publishes beside the page
 * (hooks/tdcplan/explorer_data.py); the downloads fetch the full open data
 * (du-lieu/nhiem-vu.json) once, when a reader first asks for one. Only the
 * explorer's pages load this script (deferred).
 * Plain ES2020, no dependencies.
 */
(() => {
  "use strict";

  // URL query keys (readable, stable: people bookmark and share them).
  const KEY = {
    group: "nhom", unit: "don-vi", role: "vai-tro", quarter: "quy",
    kind: "loai", status: "trang-thai", text: "q", sort: "sap-xep",
  };
  const ROLES = [
    ["ca-hai", "Chủ trì hoặc phối hợp"],
    ["chu-tri", "Chủ trì"],
    ["phoi-hop", "Phối hợp"],
  ];
  // Tasks scheduled by months count as scheduled by quarters: both name quarters.
  const KINDS = [
    ["theo-quy", "Có lịch theo quý (hoặc theo tháng)", ["quarters", "months"]],
    ["thuong-xuyen", "Thường xuyên", ["ongoing"]],
    ["theo-yeu-cau", "Theo yêu cầu", ["on_request"]],
  ];
  const QUARTERS = [["1", "Quý I"], ["2", "Quý II"], ["3", "Quý III"], ["4", "Quý IV"]];
  // A status filter value of its own: the period ended (by the data date) with no report closing the task.
  const OVERDUE = "het-han";
  const SORTS = [
    ["so", "Số hiệu (thứ tự trong kế hoạch)"],
    ["thoi-gian", "Thời gian thực hiện (quý đầu tiên)"],
    ["chu-tri", "Đơn vị chủ trì"],
  ];
  // Which table column each sort orders (for aria-sort on its header).
  const SORT_COLUMN = { "so": 0, "thoi-gian": 2, "chu-tri": 3 };
  // Rows put in the page at a time: a large plan's matches come twenty-five at a time
  // («Hiện thêm»), so that a filter change stays quick at any size: the table's layout and
  // paint grow with its rows (at × 100, 40 rows cost about 10 ms more per change than 25
  // on a 2-core machine). Twenty-five still shows the real plan's 24 tasks at once.
  const ROWS_AT_A_TIME = 25;
  const DEFAULTS = { group: "", unit: "", role: "ca-hai", quarter: "", kind: "", status: "", text: "", sort: "so" };
  // Filters that narrow the rows; "role" acts only through "unit".
  const DIMENSIONS = ["group", "unit", "quarter", "kind", "status", "text"];
  // The URL keys /tim-kiem/ shares with this page (it has no schedule kind or sort).
  const SEARCH_KEYS = ["q", "nhom", "don-vi", "vai-tro", "quy", "trang-thai"];

  /** The same folding as tdcplan.vietnamese.fold: lower case, no marks, đ -> d. */
  const fold = (text) => text.replace(/đ/g, "d").replace(/Đ/g, "D")
    .normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  /** As tdcplan.explorer_data.searchable: folded, punctuation as single spaces. */
  const searchable = (text) => fold(text).replace(/[^a-z0-9]+/g, " ").trim();
  // A query such as "2.d" or "2.đ" is a task number: it matches numbers only.
  const NUMBER_QUERY = /^\d+\.[a-z]*$/;

  let collator = null;
  /** Vietnamese order (Intl.Collator), made once: making it loads collation data (20-30 ms). */
  const vietnameseCollator = () => collator || (collator = new Intl.Collator("vi"));

  /** The query's matcher: a phrase in the folded fields, or the start of a task number. */
  function textMatcher(query) {
    const number = fold(query).trim();
    if (!number) return null;
    if (NUMBER_QUERY.test(number)) return (task) => task.number_folded.startsWith(number);
    const phrase = searchable(query);
    return (task) => task.number_folded.startsWith(number) || (phrase !== "" && task.folded.includes(phrase));
  }

  function unitsInRole(task, role) {
    if (role === "chu-tri") return task.lead;
    if (role === "phoi-hop") return task.partners;
    return task.units;
  }

  /** How many leading items the lists ``a`` and ``b`` share. */
  function sharedStart(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
    return n;
  }

  // One bit per filter (DIMENSIONS order): a task's failures are a number, so that a
  // filter change tests each task once without allocating (2,400 tasks at ×100).
  const BIT = Object.fromEntries(DIMENSIONS.map((d, i) => [d, 1 << i]));

  /** Filtering and facet counting over the dataset; no DOM here (the benchmark times it). */
  class Engine {
    constructor(data) {
      this.data = data;
      // The folded text a query looks in, as tdcplan.explorer_data.search_text builds it:
      // content and outputs (folded in the JSON), the number, then each unit's names.
      const unitText = Object.fromEntries(Object.entries(data.units)
        .map(([id, unit]) => [id, `${searchable(unit.name)}|${searchable(unit.short_name)}`]));
      this.tasks = data.tasks.map((task, index) => {
        const kind = KINDS.find(([, , kinds]) => kinds.includes(task.schedule.kind));
        const quarters = task.schedule.quarters;
        const band = kind[0] === "theo-quy" ? 0 : kind[0] === "thuong-xuyen" ? 1 : 2;
        const lead = task.lead.map((id) => data.units[id].short_name);
        return Object.assign(task, {
          index, kindKey: kind[0],
          groupKey: String(task.group),
          quarterKeys: quarters.map(String),
          units: [...new Set([...task.lead, ...task.partners])],
          number_folded: fold(task.id),
          folded: [task.folded, searchable(task.id), ...[...task.lead, ...task.partners].map((id) => unitText[id])].join("|"),
          scheduleKey: [band, quarters[0] || 0, quarters[quarters.length - 1] || 0],
          leadKey: lead.join(", "),
        });
      });
    }

    /** Vietnamese order, for the sort by lead unit (made when first needed: see sortUnitOptions). */
    get collator() { return vietnameseCollator(); }

    /** The filters of ``state`` a task fails, as a sum of BIT values (0: it passes them all). */
    failures(task, state, matcher) {
      let failed = 0;
      if (state.group && task.groupKey !== state.group) failed |= BIT.group;
      if (state.unit && !unitsInRole(task, state.role).includes(state.unit)) failed |= BIT.unit;
      if (state.quarter && !task.quarterKeys.includes(state.quarter)) failed |= BIT.quarter;
      if (state.kind && task.kindKey !== state.kind) failed |= BIT.kind;
      if (state.status && task.status !== state.status && !(state.status === OVERDUE && task.overdue)) failed |= BIT.status;
      if (matcher && !matcher(task)) failed |= BIT.text;
      return failed;
    }

    /** The tasks that pass every filter, in the order ``state.sort`` asks for. */
    filter(state) {
      const matcher = textMatcher(state.text);
      const rows = this.tasks.filter((task) => this.failures(task, state, matcher) === 0);
      return this.sort(rows, state.sort);
    }

    sort(rows, how) {
      const byIndex = (a, b) => a.index - b.index;
      if (how === "thoi-gian") {
        const key = (t) => t.scheduleKey;
        return rows.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1] || key(a)[2] - key(b)[2] || byIndex(a, b));
      }
      if (how === "chu-tri") {
        // Tasks without a lead unit go last.
        return rows.sort((a, b) => (!a.leadKey - !b.leadKey) || this.collator.compare(a.leadKey, b.leadKey) || byIndex(a, b));
      }
      return rows.sort(byIndex);
    }

    /**
     * Facet counts, as Datasette shows them: for each choice of each filter, how many
     * tasks it would leave with the other filters as they are. "" counts the filter unset.
     */
    facets(state) {
      const matcher = textMatcher(state.text);
      const counts = { group: {}, unit: {}, role: {}, quarter: {}, kind: {}, status: {} };
      // One counter object per facet, bumped in a plain loop: at × 100 this runs over 2,400
      // tasks on every filter change, before the rows can be drawn.
      const add = (into, key) => { into[key] = (into[key] || 0) + 1; };
      const roles = ROLES.map(([role]) => role);
      for (const task of this.tasks) {
        const failed = this.failures(task, state, matcher);
        if (failed & (failed - 1)) continue;  // fails two filters or more: counts nowhere
        // A facet counts the task when it passes every other filter.
        if (failed === 0 || failed === BIT.group) { add(counts.group, ""); add(counts.group, task.groupKey); }
        if (failed === 0 || failed === BIT.unit) {
          add(counts.unit, "");
          for (const id of unitsInRole(task, state.role)) add(counts.unit, id);
          for (const role of roles) {
            if (!state.unit || unitsInRole(task, role).includes(state.unit)) add(counts.role, role);
          }
        }
        if (failed === 0 || failed === BIT.quarter) {
          add(counts.quarter, "");
          for (const q of task.quarterKeys) add(counts.quarter, q);
        }
        if (failed === 0 || failed === BIT.kind) { add(counts.kind, ""); add(counts.kind, task.kindKey); }
        if (failed === 0 || failed === BIT.status) {
          add(counts.status, ""); add(counts.status, task.status);
          if (task.overdue) add(counts.status, OVERDUE);
        }
      }
      return counts;
    }
  }

  /** The state a URL query string describes; unknown keys and values are ignored. */
  function parseState(search, data) {
    const params = new URLSearchParams(search);
    const allowed = {
      group: Object.keys(data.groups),
      unit: Object.keys(data.units),
      role: ROLES.map(([v]) => v),
      quarter: QUARTERS.map(([v]) => v),
      kind: KINDS.map(([v]) => v),
      status: [...Object.keys(data.statuses), OVERDUE],
      sort: SORTS.map(([v]) => v),
    };
    const state = { ...DEFAULTS };
    for (const [name, key] of Object.entries(KEY)) {
      const value = params.get(key);
      if (value === null) continue;
      if (name === "text") state.text = value;
      else if (allowed[name].includes(value)) state[name] = value;
    }
    return state;
  }

  /** The query string of ``state``: only what differs from the defaults, in a fixed order. */
  function stateQuery(state) {
    const params = new URLSearchParams();
    for (const [name, key] of Object.entries(KEY)) {
      if (state[name] !== DEFAULTS[name]) params.set(key, state[name]);
    }
    const query = params.toString();
    return query ? `?${query}` : "";
  }

  /** The site search's query string for ``state``: the keys both pages share. */
  function searchQuery(state) {
    const params = new URLSearchParams(stateQuery(state));
    for (const key of [...params.keys()]) if (!SEARCH_KEYS.includes(key)) params.delete(key);
    const query = params.toString();
    return query ? `?${query}` : "";
  }

  // ------------------------------------------------------------- the page ---

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  function field(id, label, control) {
    return element("div", { class: "tdc-explorer__field" }, element("label", { for: id, text: label }), control);
  }

  function csvCell(value) {
    return `"${String(value).replace(/"/g, '""')}"`;
  }

  class Explorer {
    constructor(root, data) {
      this.root = root;
      this.data = data;
      this.engine = new Engine(data);
      this.siteRoot = root.dataset.root || "";
      this.table = root.querySelector("table");
      this.tbody = this.table.tBodies[0];
      // The page already lists every task (hooks/tdcplan/templates/_macros.md.j2, task_list):
      // filtering shows, hides and reorders those rows, so the list has one template.
      this.rowOf = new Map([...this.tbody.rows].map((row) => [row.dataset.task, row]));
      this.count = root.querySelector(".tdc-explorer__count");
      this.controls = root.querySelector(".tdc-explorer__controls");
      // The page links of the list without JavaScript: the filtered table shows every match.
      const pages = root.querySelector(".tdc-explorer__pages");
      if (pages) pages.hidden = true;
      this.state = parseState(location.search, data);
      this.rows = [];
      this.typing = false;  // a text edit in progress updates its history entry in place
      this.downloads = [];
      this.build();
      this.update();
      window.addEventListener("popstate", () => {
        this.state = parseState(location.search, data);
        this.typing = false;
        this.update();
      });
    }

    id(name) { return `tdc-explorer-${name}`; }

    select(name, label, choices) {
      const control = element("select", { id: this.id(name), name: KEY[name] });
      for (const [value, text] of choices) control.append(element("option", { value, text }));
      control.addEventListener("change", () => this.change(name, control.value));
      // A reader (or a screen reader) going to a list finds its counts up to date.
      for (const event of ["focus", "pointerdown", "keydown"]) {
        control.addEventListener(event, () => {
          if (name === "unit") this.sortUnitOptions();
          this.writeLabels();
        });
      }
      this.selects[name] = { control, choices, labels: choices.map(([, text]) => text) };
      return field(this.id(name), label, control);
    }

    build() {
      const data = this.data;
      this.selects = {};
      const everything = ["", "Tất cả"];
      const text = element("input", { id: this.id("text"), name: KEY.text, type: "search", placeholder: "Ví dụ: kiem tra, đo lường, 2.đ" });
      text.addEventListener("input", () => this.change("text", text.value, true));
      text.addEventListener("change", () => { this.typing = false; });
      this.textInput = text;

      // In the registry's order until a reader goes to the list (sortUnitOptions).
      const units = Object.entries(data.units).map(([id, unit]) => [id, unit.short_name]);
      // The search box stays in view; the filters fold into a panel (a native <details>)
      // whose summary says how many are in use, so that on a phone the count and the
      // first results come right after the search box.
      this.activeCount = element("span", { class: "tdc-explorer__active" });
      const panel = element("details", { class: "tdc-explorer__panel" },
        element("summary", {}, "Bộ lọc ", this.activeCount),
        element("div", { class: "tdc-explorer__filters" },
          this.select("group", "Nhóm", [everything, ...Object.entries(data.groups).map(([n, title]) => [n, `Nhóm ${n}: ${title}`])]),
          element("fieldset", { class: "tdc-explorer__unit" },
            element("legend", { text: "Đơn vị thực hiện" }),
            this.select("unit", "Đơn vị", [everything, ...units]),
            this.select("role", "Vai trò của đơn vị", ROLES)),
          this.select("quarter", "Quý (gồm nhiệm vụ thường xuyên)", [everything, ...QUARTERS]),
          this.select("kind", "Loại thời gian thực hiện", [everything, ...KINDS.map(([v, label]) => [v, label])]),
          this.select("status", "Tình trạng", [everything, ...Object.entries(data.statuses), [OVERDUE, data.overdue_label]]),
          this.select("sort", "Sắp xếp theo", SORTS)));
      // Wide screens have the room: the panel starts open there.
      if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) panel.open = true;
      this.panel = panel;
      const form = element("form", { class: "tdc-explorer__form", "aria-label": "Lọc nhiệm vụ" },
        element("div", { class: "tdc-explorer__search" },
          field(this.id("text"), "Tìm theo nội dung, số hiệu hoặc đơn vị (có dấu hay không dấu đều được)", text)),
        panel);
      form.addEventListener("submit", (event) => event.preventDefault());

      const clear = element("button", { type: "button", class: "md-button tdc-explorer__clear", text: "Xoá bộ lọc" });
      clear.addEventListener("click", () => this.reset());
      const year = data.plan.year;
      const csv = element("a", { href: "#", download: `tra-cuu-nhiem-vu-${year}.csv`, class: "md-button", text: "Tải kết quả (CSV)" });
      const json = element("a", { href: "#", download: `tra-cuu-nhiem-vu-${year}.json`, class: "md-button", text: "Tải kết quả (JSON)" });
      // Each link gets a fresh Blob of the rows shown, when it is used; the first use
      // fetches the full wording (the open data), then follows the link.
      this.downloads = [[csv, () => this.csv(), "text/csv;charset=utf-8"], [json, () => this.json(), "application/json"]];
      for (const [link, make, type] of this.downloads) {
        link.addEventListener("click", (event) => {
          if (!this.full) {
            event.preventDefault();
            this.loadFull().then(() => link.click(), (error) => console.error("tra cứu:", error));
            return;
          }
          if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
          link.href = URL.createObjectURL(new Blob([make()], { type }));
        });
      }
      panel.append(element("div", { class: "tdc-explorer__actions" }, clear, csv, json));
      // The site search ranks pages by the words of a query; it takes the same URL keys.
      this.searchLink = element("a", { class: "tdc-explorer__search-link", href: `${this.siteRoot}tim-kiem/`,
        text: "Tìm theo mức độ liên quan, cả trong trang đơn vị và văn bản (trang Tìm kiếm)" });
      this.controls.append(form, element("p", { class: "tdc-explorer__search-hint" }, this.searchLink));
      this.controls.hidden = false;
    }

    change(name, value, typing = false) {
      if (this.state[name] === value) return;
      this.state = { ...this.state, [name]: value };
      const url = location.pathname + stateQuery(this.state) + location.hash;
      // A run of keystrokes in the search box is one step of history, not one per letter.
      if (typing && this.typing) history.replaceState(null, "", url);
      else history.pushState(null, "", url);
      this.typing = typing;
      this.update();
    }

    reset() {
      const sort = this.state.sort;
      if (stateQuery({ ...DEFAULTS, sort }) === stateQuery(this.state)) return;
      this.state = { ...DEFAULTS, sort };
      this.typing = false;
      history.pushState(null, "", location.pathname + stateQuery(this.state) + location.hash);
      this.update();
    }

    /** Bring the form, the counts, the table and the live count in line with the state. */
    update() {
      const state = this.state;
      this.facets = this.engine.facets(state);
      for (const [name, { control }] of Object.entries(this.selects)) {
        if (control.value !== state[name]) control.value = state[name];
        this.writeLabel(name, control.selectedIndex); // a closed list shows the chosen option
      }
      this.scheduleLabels();
      if (this.textInput.value !== state.text) this.textInput.value = state.text;
      this.rows = this.engine.filter(state);
      this.shown = ROWS_AT_A_TIME;
      if (!this.shownKey) {
        // On load, the rows the page already lists (a page without JavaScript: up to 40) stay
        // shown where they match, so that a reader who has scrolled or tabbed into them keeps
        // the place.
        const listed = this.taskRows();
        const first = this.rows.slice(0, listed.length).map((task) => this.rowOf.get(task.id));
        this.shown = Math.max(this.shown, sharedStart(first, listed));
      }
      this.renderRows();
      this.count.textContent = `${this.rows.length} / ${this.engine.tasks.length} nhiệm vụ`;
      this.searchLink.href = `${this.siteRoot}tim-kiem/${searchQuery(state)}`;
      const active = DIMENSIONS.filter((d) => d !== "text" && state[d] !== DEFAULTS[d]).length;
      this.activeCount.textContent = active ? `(đang dùng ${active})` : "(chưa dùng)";
    }

    /** One option's label with its count (written only when it changed). */
    writeLabel(name, i) {
      const { control, choices, labels } = this.selects[name];
      const counts = this.facets[name];
      if (i < 0) return;
      const [value, label] = choices[i];
      const text = counts ? `${label} (${counts[value] || 0})` : label;
      if (labels[i] !== text) control.options[i].textContent = labels[i] = text;
    }

    /**
     * Every option's count, written when the browser is next idle (usually after the rows are
     * painted), or at once when a reader goes to a list: at × 100 the group list has 600
     * options, and their writes would otherwise delay the rows of every filter change by
     * several milliseconds.
     */
    scheduleLabels() {
      delete this.root.dataset.labels;
      if (this.labelsDue) return;
      this.labelsDue = true;
      if (window.requestIdleCallback) window.requestIdleCallback(() => this.writeLabels(), { timeout: 500 });
      else setTimeout(() => this.writeLabels(), 50);
    }

    /**
     * The units' list in Vietnamese order, made when a reader first goes to it: making the
     * collator takes 20-30 ms (75 ms on Lighthouse's slowed phone), a task of its own that
     * counted in the page's blocking time when it was made on load.
     */
    sortUnitOptions() {
      const select = this.selects.unit;
      if (select.sorted) return;
      select.sorted = true;
      const entries = select.choices.map((choice, i) => ({ choice, label: select.labels[i], option: select.control.options[i] }));
      const [all, ...units] = entries;
      const collator = this.engine.collator;
      units.sort((a, b) => collator.compare(a.choice[1], b.choice[1]));
      const value = select.control.value;
      select.control.append(...units.map((entry) => entry.option));  // moved, in order, after «Tất cả»
      select.control.value = value;
      select.choices = [all, ...units].map((entry) => entry.choice);
      select.labels = [all, ...units].map((entry) => entry.label);
    }

    writeLabels() {
      if (!this.labelsDue) return;
      this.labelsDue = false;
      for (const [name, { choices }] of Object.entries(this.selects)) choices.forEach((_, i) => this.writeLabel(name, i));
      this.root.dataset.labels = "current"; // every count is up to date (tests wait for this)
    }

    /**
     * Bring the table in line with the rows to show; return the rows it added. The rows already
     * in place at the top stay put (on load, those the page lists without JavaScript; after
     * «Hiện thêm», the batches shown): only what differs is removed or added, so that nothing a
     * reader is looking at moves, and the button keeps its place below the rows.
     */
    renderRows() {
      // A change that leaves the same rows shown (the first batch of a wide filter) leaves the table alone.
      const shown = this.rows.slice(0, this.shown);
      const key = `${this.state.sort} ${this.rows.length} ${shown.map((task) => task.id).join(" ")}`;
      if (key === this.shownKey) return [];
      this.shownKey = key;
      const wanted = shown.map((task) => this.rowOf.get(task.id) || this.makeRow(task));
      const present = this.taskRows();
      const same = sharedStart(wanted, present);
      for (const row of present.slice(same)) row.remove();
      if (this.emptyRow) this.emptyRow.remove();
      const added = wanted.slice(same);
      const more = this.rows.length - this.shown;
      if (more > 0) {
        const moreRow = this.moreRow();
        moreRow.querySelector("button").textContent = `Hiện thêm ${Math.min(more, ROWS_AT_A_TIME)} nhiệm vụ (còn ${more})`;
        if (moreRow.parentNode !== this.tbody) this.tbody.append(moreRow);
        moreRow.before(...added);
      } else {
        if (this.moreButtonRow) this.moreButtonRow.remove();
        this.tbody.append(...added);
      }
      if (!this.rows.length) {
        this.emptyRow = this.emptyRow || element("tr", { class: "tdc-tasks__empty" },
          element("td", { colspan: String(this.columns()), text: "Không có nhiệm vụ nào khớp với bộ lọc." }));
        this.tbody.append(this.emptyRow);
      }
      if (this.table.tHead) {
        [...this.table.tHead.rows[0].cells].forEach((cell, i) => {
          if (i === SORT_COLUMN[this.state.sort]) cell.setAttribute("aria-sort", "ascending");
          else cell.removeAttribute("aria-sort");
        });
      }
      return added;
    }

    columns() { return this.table.tHead ? this.table.tHead.rows[0].cells.length : 6; }

    /** The table's task rows, top to bottom (not the «Hiện thêm» or «no match» row). */
    taskRows() { return [...this.tbody.rows].filter((row) => row.dataset.task); }

    /** The row of the «Hiện thêm» button (one, kept): a click shows the next batch and moves to its first task. */
    moreRow() {
      if (!this.moreButtonRow) {
        const button = element("button", { type: "button", class: "md-button" });
        button.addEventListener("click", () => {
          this.shown += ROWS_AT_A_TIME;
          const [first] = this.renderRows();
          const link = first && first.querySelector("a");
          if (link) link.focus();
        });
        this.moreButtonRow = element("tr", { class: "tdc-tasks__more" }, element("td", { colspan: String(this.columns()) }, button));
      }
      return this.moreButtonRow;
    }

    /** Links to units' pages by their short names, comma-separated (as html_units writes them). */
    unitLinks(ids) {
      if (!ids.length) return ["Không có"];
      return ids.flatMap((id, i) => {
        const unit = this.data.units[id];
        const link = element("a", { href: this.siteRoot + unit.url, text: unit.short_name });
        return i ? [", ", link] : [link];
      });
    }

    /**
     * A row for a task the page does not list (the page without JavaScript lists a page of
     * tasks): the same markup as the task_list macro (hooks/tdcplan/templates/_macros.md.j2).
     */
    makeRow(task) {
      // Cells carry no attributes (the stylesheet finds the columns by position); the explorer's
      // list has the partners column, so six columns (five where a list leaves it out).
      const status = element("span", { class: `tdc-status tdc-status--${task.status}`, text: this.data.statuses[task.status] });
      const flag = task.overdue ? [" ", element("strong", { class: "tdc-flag", text: task.overdue })] : [];
      const cells = [
        element("td", { text: task.id }),
        element("td", {}, element("a", { href: this.siteRoot + task.url, text: task.short })),
        element("td", { text: task.schedule.text }),
        element("td", {}, ...this.unitLinks(task.lead)),
      ];
      if (this.columns() === 6) cells.push(element("td", {}, ...this.unitLinks(task.partners)));
      cells.push(element("td", {}, status, ...flag));
      const row = element("tr", { "data-task": task.id }, ...cells);
      this.rowOf.set(task.id, row);
      return row;
    }

    /** The open data's task records by number (content and outputs in full), fetched once. */
    async loadFull() {
      const response = await fetch(this.siteRoot + this.data.open_data);
      if (!response.ok) throw new Error(`${this.data.open_data}: HTTP ${response.status}`);
      this.full = new Map((await response.json()).tasks.map((task) => [task.id, task]));
    }

    absolute(path) { return new URL(this.siteRoot + path, location.href).href; }

    unitNames(ids) { return ids.map((id) => this.data.units[id].name); }

    /** The rows shown, in the published CSV's columns (du-lieu/nhiem-vu.csv; headers from the data). */
    csv() {
      const lines = [this.data.csv_headers.map(csvCell).join(",")];
      for (const t of this.rows) {
        lines.push([
          t.id, t.group, this.data.groups[String(t.group)], this.full.get(t.id).content.join("; "), this.full.get(t.id).outputs.join("; "),
          t.schedule.text, this.data.kinds[t.schedule.kind], t.schedule.quarters.join("; "),
          this.unitNames(t.lead).join("; "), this.unitNames(t.partners).join("; "), t.references_text,
          this.data.statuses[t.status], t.reported, t.corrections_text, this.absolute(t.url),
        ].map(csvCell).join(","));
      }
      return "\uFEFF" + lines.join("\r\n") + "\r\n";  // BOM: Excel then reads UTF-8
    }

    json() {
      const units = (ids) => ids.map((id) => ({ id, name: this.data.units[id].name, short_name: this.data.units[id].short_name }));
      const filters = Object.fromEntries(new URLSearchParams(stateQuery(this.state)));
      return JSON.stringify({
        plan: this.data.plan,
        view: location.href,
        filters,
        count: this.rows.length,
        tasks: this.rows.map((t) => ({
          id: t.id,
          group: { number: t.group, title: this.data.groups[String(t.group)] },
          content: this.full.get(t.id).content,
          outputs: this.full.get(t.id).outputs,
          schedule: this.full.get(t.id).schedule,
          lead: units(t.lead),
          partners: units(t.partners),
          status: { code: t.status, label: this.data.statuses[t.status] },
          url: this.absolute(t.url),
        })),
      }, null, 2);
    }
  }

  async function start() {
    const root = document.querySelector(".tdc-explorer[data-src]");
    if (!root || root.dataset.ready) return;  // not the explorer page, or already running
    root.dataset.ready = "true";
    try {
      const response = await fetch(root.dataset.src);
      if (!response.ok) throw new Error(`${root.dataset.src}: HTTP ${response.status}`);
      const explorer = new Explorer(root, await response.json());
      performance.mark("tdc-explorer:ready");  // first filtered render done (read by the benchmark)
      // For tests and the curious: the engine and the page.
      window.tdcExplorer = { explorer, engine: explorer.engine, parseState, stateQuery };
    } catch (error) {
      // The table without filters stays: it lists every task; the room kept for them goes.
      console.error("tra cứu:", error);
      const controls = root.querySelector(".tdc-explorer__controls");
      if (controls && controls.hidden) controls.remove();
    }
  }

  // Material re-runs page scripts through document$ when instant loading is on.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
