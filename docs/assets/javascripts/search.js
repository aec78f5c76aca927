/*
 * The site search (/tim-kiem/): the query and the filters live in the URL
 * (?q=hiệu+chuẩn&nhom=4), the Pagefind index answers, and the rules below put
 * first what a reader means: an exact task number, then a unit or document
 * named by the query, then the tasks (those holding the words as a phrase, or
 * close together, first), then the listing pages that match too.
 *
 * Loaded (deferred) on /tim-kiem/ only; it imports Pagefind's own script from
 * the site's /pagefind/ folder, which fetches only the index chunks a query
 * needs. Plain ES2020, no dependencies. The page works as a GET form without it.
 */
(() => {
  "use strict";

  const form = document.querySelector("form.tdc-search-page[data-pagefind]");
  if (!form) return;

  // URL keys and values are the explorer's (/tra-cuu/): a search carries over as it is.
  const FILTERS = ["nhom", "don-vi", "vai-tro", "quy", "trang-thai", "trang"];
  const DEFAULTS = { "vai-tro": "ca-hai" };
  const EXPLORER_KEYS = ["q", "nhom", "don-vi", "vai-tro", "quy", "trang-thai"];
  // The index's unit filter for each role of the unit ("ca-hai": lead or coordinating).
  const ROLE_FILTER = { "ca-hai": "don-vi", "chu-tri": "chu-tri", "phoi-hop": "phoi-hop" };
  const PAGE_SIZE = 10;
  // How many tasks the rules re-order: Pagefind's best tasks, whose fragments (one request
  // each) are loaded before the first results show, so a page of results and two more: 24
  // took about a third longer at × 100, and every relevance case passes with 8. The other
  // pages among Pagefind's best RERANK results are loaded too when the query names them.
  const RERANK = 12;
  const EXCERPT_WORDS = 28;
  const FOLDED_MARK = "⁂"; // starts the hidden folded copy of đ-words (overrides/main.html)
  const KIND_LABELS = {
    "nhiem-vu": "Nhiệm vụ", "don-vi": "Đơn vị", "nhom": "Nhóm nhiệm vụ", "quy": "Quý",
    "van-ban": "Văn bản, chương trình",
  };

  /** The same folding as tdcplan.vietnamese.fold: lower case, no marks, đ -> d. */
  const fold = (text) => text.replace(/đ/g, "d").replace(/Đ/g, "D")
    .normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  const lower = (text) => text.normalize("NFC").toLowerCase();
  /** Words of a text (letters and digits; "135/2021" is two words, as Pagefind sees it). */
  const words = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  /**
   * Task-number keys a query stands for (tdcplan.search_record.task_number_key):
   * «2.đ», «2đ», «2 dd» -> ["2dd"]; «2.d», «2d» -> ["2d", "2dd"] (a reader may type đ as d).
   */
  function numberKeys(query) {
    const typed = lower(query).trim().replace(/^(nhiệm vụ|nhiem vu|nv)\s*/u, "");
    const match = fold(typed.replace(/đ/g, "dd")).match(/^(\d+)\s*[.\s]?\s*([a-y]|dd)\.?$/);
    if (!match) return [];
    const key = match[1] + match[2];
    return match[2] === "d" ? [key, key + "d"] : [key];
  }

  /** A result's kind: its `trang` filter («nhiem-vu», «don-vi»…). */
  const kindOf = (data) => ((data.filters && data.filters.trang) || [""])[0];

  /** An option's own text, without the count that counts() adds to it. */
  const ownLabel = (option) => option.dataset.label || option.textContent;

  /** A filter value as the form's list names it: «chi-cuc-tdc» -> «Chi cục …». */
  function optionLabel(name, value) {
    const option = Array.from(form.elements[name].options).find((o) => o.value === value);
    return option ? ownLabel(option) : value;
  }

  // ---------------------------------------------------------------- state ---

  function readState(search) {
    const params = new URLSearchParams(search);
    const state = { q: params.get("q") || "" };
    for (const name of FILTERS) {
      const value = params.get(name) || DEFAULTS[name] || "";
      const select = form.elements[name];
      const known = select && Array.from(select.options).some((o) => o.value === value);
      state[name] = known ? value : DEFAULTS[name] || "";
    }
    return state;
  }

  function queryString(state, keys) {
    const params = new URLSearchParams();
    for (const key of keys) {
      const value = state[key];
      if (!value || value === DEFAULTS[key]) continue;
      if (key === "vai-tro" && !state["don-vi"]) continue;
      params.set(key, value);
    }
    const text = params.toString();
    return text ? `?${text}` : "";
  }

  function formState() {
    const state = { q: form.elements.q.value };
    for (const name of FILTERS) state[name] = form.elements[name].value;
    return state;
  }

  function fillForm(state) {
    form.elements.q.value = state.q;
    for (const name of FILTERS) form.elements[name].value = state[name];
    const header = document.getElementById("tdc-header-query");
    if (header) header.value = state.q;
  }

  /** How many filters narrow the results (the unit's role only counts with a unit). */
  const activeFilters = (state) => FILTERS.filter((n) => n !== "vai-tro" && state[n]).length;

  /** Pagefind filters of a state, leaving out ``except`` (to count that dimension's values). */
  function indexFilters(state, except) {
    const filters = {};
    if (state.nhom && except !== "nhom") filters.nhom = state.nhom;
    if (state["don-vi"] && except !== "don-vi") filters[ROLE_FILTER[state["vai-tro"]]] = state["don-vi"];
    if (state.quy && except !== "quy") filters.quy = state.quy;
    if (state["trang-thai"] && except !== "trang-thai") filters["trang-thai"] = state["trang-thai"];
    if (state.trang && except !== "trang") filters.trang = state.trang;
    return filters;
  }

  // -------------------------------------------------------------- ranking ---

  /** The page's own text, without the hidden folded copy of its đ-words. */
  const ownText = (data) => data.content.split(FOLDED_MARK)[0];

  /**
   * Whether the query names a page of this kind and these titles (its title and summary): a
   * unit or document whose name (or short name) it is, most of it or with its number («chi
   * cuc tdc», «135/2021»); a group or quarter whose title it starts («nhom 4», «quy iii»).
   * Generic words that every name holds («đo lường») name nothing.
   */
  function names(kind, pageTitles, queryWords) {
    const joined = queryWords.join(" ");
    if (!joined || kind === "nhiem-vu") return false;
    const titles = pageTitles.map((t) => words(fold(t || "")));
    if (kind === "nhom" || kind === "quy") return titles.some((t) => `${t.join(" ")} `.startsWith(`${joined} `));
    const hasNumber = kind === "van-ban" && queryWords.some((w) => /\d/.test(w));
    return titles.some((t) => ` ${t.join(" ")} `.includes(` ${joined} `)
      && (hasNumber || queryWords.length * 2 >= t.length));
  }

  /** How a result matches the query: the facts the ordering rules use. */
  function matchFacts(data, query) {
    const queryWords = words(fold(query));
    const text = words(fold(ownText(data)));
    const positions = queryWords.map(() => []);
    text.forEach((word, index) => {
      queryWords.forEach((q, i) => { if (word === q || (q.length > 1 && word.startsWith(q))) positions[i].push(index); });
    });
    const found = positions.filter((p) => p.length).length;
    // The shortest stretch of text holding every query word found (1 word per word: a phrase).
    let span = Infinity;
    const present = positions.filter((p) => p.length);
    for (const start of present[0] || []) {
      let end = start;
      let ok = true;
      for (const list of present.slice(1)) {
        const next = list.find((p) => p >= start);
        if (next === undefined) { ok = false; break; }
        end = Math.max(end, next);
      }
      if (ok) span = Math.min(span, end - start + 1);
    }
    const phrase = queryWords.length > 0 && found === queryWords.length && span <= queryWords.length;
    const named = names(kindOf(data), [data.meta.title, data.meta["tom-tat"]], queryWords);
    // A query typed with marks prefers the pages that spell its words with the same marks.
    const typed = words(lower(query));
    const marked = typed.filter((w) => w !== fold(w));
    const ownWords = words(lower(ownText(data)));
    const own = new Set(ownWords);
    const sameMarks = marked.filter((w) => own.has(w)).length;
    // «nâng suất» typed with its marks: the page with those very words, together, first.
    const exact = marked.length > 0 && ` ${ownWords.join(" ")} `.includes(` ${typed.join(" ")} `);
    return { coverage: queryWords.length ? found / queryWords.length : 1, span, phrase, named, sameMarks, exact };
  }

  /**
   * Sort key (smaller first): named unit/document/group/quarter, tasks, then the other pages.
   * Within a band, the re-ranked window by the match rules, then the tail (results past the
   * window, whose text is not loaded) by Pagefind's score.
   */
  function rankKey(item) {
    const f = item.facts;
    if (!f) return [item.isTask ? 1 : 2, 1, -item.score];
    const band = f.named ? 0 : kindOf(item.data) === "nhiem-vu" ? 1 : 2;
    const closeness = f.phrase ? 0 : f.span <= 8 ? 1 : 2;
    return [band, 0, -f.coverage, f.exact ? 0 : 1, closeness, -f.sameMarks, -item.score];
  }

  function compareKeys(a, b) {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  }

  // -------------------------------------------------------------- excerpt ---

  /** Up to EXCERPT_WORDS words of the page around the most query words, matches marked. */
  function excerpt(data, query) {
    const tokens = ownText(data).split(/(\s+)/).filter((t) => t.trim());
    const queryWords = words(fold(query));
    const hit = tokens.map((token) => words(fold(token)).some(
      (w) => queryWords.some((q) => w === q || (q.length > 1 && w.startsWith(q)))));
    let best = 0;
    let bestCount = -1;
    for (let start = 0; start < Math.max(1, tokens.length - EXCERPT_WORDS + 1); start += 1) {
      const count = hit.slice(start, start + EXCERPT_WORDS).filter(Boolean).length;
      if (count > bestCount) { best = start; bestCount = count; }
    }
    const node = document.createElement("p");
    node.className = "tdc-search-result__excerpt";
    if (best > 0) node.append("… ");
    tokens.slice(best, best + EXCERPT_WORDS).forEach((token, i) => {
      if (i) node.append(" ");
      if (hit[best + i]) {
        const mark = document.createElement("mark");
        mark.textContent = token;
        node.append(mark);
      } else node.append(token);
    });
    if (best + EXCERPT_WORDS < tokens.length) node.append(" …");
    return node;
  }

  // ------------------------------------------------------------ rendering ---

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(item, query) {
    const { data } = item;
    const meta = data.meta;
    const kind = kindOf(data);
    const li = element("li", `tdc-search-result tdc-search-result--${kind}`);
    li.append(element("p", "tdc-search-result__kind", KIND_LABELS[kind] || "Trang"));
    const heading = element("h2", "tdc-search-result__title");
    const link = element("a", "", kind === "nhiem-vu" ? `Nhiệm vụ ${meta.so}: ${meta["tom-tat"]}` : meta.title);
    link.href = data.url;
    heading.append(link);
    li.append(heading);
    if (kind === "nhiem-vu") {
      const facts = element("dl", "tdc-search-result__facts");
      const leads = (data.filters["chu-tri"] || []).map((unit) => optionLabel("don-vi", unit)).join(", ");
      const status = (data.filters["trang-thai"] || []).map((code) => optionLabel("trang-thai", code)).join(", ");
      for (const [label, value] of [["Chủ trì", leads], ["Thời gian", meta["thoi-gian"]], ["Tình trạng", status]]) {
        if (!value) continue;
        const row = element("div");
        row.append(element("dt", "", label), element("dd", "", value));
        facts.append(row);
      }
      li.append(facts);
    }
    if (query.trim()) li.append(excerpt(data, query));
    return li;
  }

  // --------------------------------------------------------------- search ---

  class Search {
    constructor(pagefind, pagesUrl) {
      this.pagefind = pagefind;
      this.pagesUrl = pagesUrl;
      this.pageList = null; // a promise of the index's page list, fetched by the warm-up or the first search
      this.list = document.querySelector(".tdc-search-results");
      this.status = document.querySelector(".tdc-search-page__status");
      this.more = document.querySelector(".tdc-search-page__more");
      this.explorer = document.querySelector(".tdc-search-page__explorer-link");
      this.explorerBase = form.dataset.explorer;
      this.active = form.querySelector(".tdc-search-page__active");
      this.run = 0;
      this.items = [];
      this.shown = 0;
      this.more.addEventListener("click", () => this.showMore(true));
    }

    /**
     * The index's pages by id (the build writes the list beside the index: data-pages): which
     * are tasks, and the kind, title and summary of the others, so that the results to load
     * are chosen before any page's text is (tdcplan.search_index.page_list).
     */
    pages() {
      if (!this.pageList) {
        this.pageList = fetch(this.pagesUrl)
          .then((response) => {
            if (!response.ok) throw new Error(`${this.pagesUrl}: HTTP ${response.status}`);
            return response.json();
          })
          .then((list) => ({ tasks: new Set(list["nhiem-vu"]), others: new Map(Object.entries(list.trang)) }))
          .catch((error) => {
            this.pageList = null; // asked again next time
            throw error;
          });
      }
      return this.pageList;
    }

    async search(state) {
      const run = ++this.run;
      delete form.dataset.searched;
      const active = activeFilters(state);
      this.active.textContent = active ? ` (đang lọc theo ${active} tiêu chí)` : "";
      const query = state.q.trim();
      this.explorer.href = this.explorerBase + queryString(state, EXPLORER_KEYS);
      const filters = indexFilters(state);
      if (!query && !Object.keys(filters).length) {
        this.list.replaceChildren();
        this.more.hidden = true;
        this.status.textContent = "Nhập từ khóa (nội dung, số hiệu như 2.đ, tên đơn vị, số văn bản) rồi bấm Tìm.";
        this.done(run, state); // no counts yet: nothing of the index is loaded before a search

        return;
      }
      const keys = numberKeys(query);
      // The page list comes with the warm-up, or beside the first search (21 KB gzipped with
      // 2,400 tasks), so that the first page needs one round of fragments.
      const pageList = this.pages().catch((error) => {
        console.error("tìm kiếm:", error);
        return null; // then Pagefind's best RERANK results are loaded, whatever their kind
      });
      const [found, ...exact] = await Promise.all([
        this.pagefind.search(query || null, { filters }),
        // By the number's own word (overrides/main.html): a filter-only search would load every index chunk.
        ...keys.map((key) => this.pagefind.search(`nhiemvu${key}`, { filters: { ...filters, so: key } })),
      ]);
      const pages = await pageList;
      if (run !== this.run) return; // a newer query has started
      const isTask = (result) => Boolean(pages && pages.tasks.has(result.id));
      const queryWords = words(fold(query));
      /** Whether the query names a page that is not a task, from the page list. */
      const namedPage = (result) => {
        const [kind, title, summary] = pages.others.get(result.id) || [];
        return names(kind, [title, summary], queryWords);
      };
      const exactIds = exact.flatMap((s) => s.results.map((r) => r.id));
      const rest = found.results.filter((r) => !exactIds.includes(r.id));
      // The window the rules re-order, loaded before the first page: Pagefind's best RERANK
      // tasks, and among its best RERANK results the other pages the query names. The other
      // pages come after every task, by Pagefind's score: their text waits for their page.
      // Pagefind may rank listing pages, whose titles hold the plan's common words, above
      // every task (none of the first 12 results of «do luong» at × 100 is a task).
      let reranked = rest.slice(0, RERANK);
      if (pages) {
        reranked = [];
        let tasksReranked = 0;
        for (const [rank, result] of rest.entries()) {
          if (tasksReranked >= RERANK) break;
          if (isTask(result)) {
            reranked.push(result);
            tasksReranked += 1;
          } else if (rank < RERANK && namedPage(result)) reranked.push(result);
        }
      }
      const inWindow = new Set(reranked.map((r) => r.id));
      const head = [...exact.flatMap((s) => s.results), ...reranked];
      const loaded = await Promise.all(head.map(async (r) => ({ id: r.id, score: r.score, data: await r.data() })));
      if (run !== this.run) return;
      const exactItems = loaded.slice(0, exactIds.length);
      const headItems = loaded.slice(exactIds.length).map((item) => ({ ...item, facts: matchFacts(item.data, query) }));
      // The results past the window: tasks before other pages, each by Pagefind's score.
      const tail = rest.filter((r) => !inWindow.has(r.id))
        .map((r) => ({ id: r.id, score: r.score, result: r, isTask: isTask(r) }));
      const ranked = [...headItems, ...tail];
      ranked.sort((a, b) => compareKeys(rankKey(a), rankKey(b)));
      this.items = [...exactItems, ...ranked];
      this.query = query;
      this.list.replaceChildren();
      this.shown = 0;
      await this.showMore(false);
      if (run !== this.run) return;
      const total = this.items.length;
      const what = query ? ` cho «${query}»` : "";
      this.status.textContent = total
        ? `Tìm thấy ${total} kết quả${what}${Object.keys(filters).length ? " (đã lọc)" : ""}.`
        : `Không tìm thấy kết quả nào${what}. Thử gõ ít từ hơn, bỏ bớt bộ lọc, hoặc dùng trang Tra cứu.`;
      performance.mark("tdc-search:results");
      await this.counts(state);
      this.done(run, state);
    }

    /** Says which search the page shows, once its results and counts are all in (tests wait for it). */
    done(run, state) {
      if (run === this.run) form.dataset.searched = queryString(state, ["q", ...FILTERS]);
    }

    async showMore(focus) {
      const next = this.items.slice(this.shown, this.shown + PAGE_SIZE);
      await Promise.all(next.map(async (item) => { if (!item.data) item.data = await item.result.data(); }));
      const nodes = next.map((item) => resultItem(item, this.query));
      this.list.append(...nodes);
      this.shown += next.length;
      this.more.hidden = this.shown >= this.items.length;
      if (focus && nodes.length) {
        const link = nodes[0].querySelector("a");
        if (link) link.focus();
      }
    }

    /** Each filter option's count: the results there would be with that value chosen. */
    async counts(state) {
      // Pagefind counts filter values once their chunks are loaded: after the first results,
      // so that loading them never delays a result.
      this.filterChunks = this.filterChunks || this.pagefind.filters();
      await this.filterChunks;
      const base = await this.pagefind.search(state.q.trim() || null, { filters: indexFilters(state) });
      for (const name of ["nhom", "don-vi", "quy", "trang-thai", "trang"]) {
        let counts = base.filters;
        if (state[name]) {
          const without = await this.pagefind.search(state.q.trim() || null, { filters: indexFilters(state, name) });
          counts = without.filters;
        }
        const key = name === "don-vi" ? ROLE_FILTER[state["vai-tro"]] : name;
        const values = (counts && counts[key]) || {};
        for (const option of form.elements[name].options) {
          if (!option.value) continue;
          option.dataset.label = ownLabel(option);
          option.textContent = `${option.dataset.label} (${values[option.value] || 0})`;
        }
      }
    }
  }

  // ------------------------------------------------------------- the page ---

  /** Options too many to sit in the page (a plan of hundreds of groups) come from a JSON file. */
  async function loadOptions() {
    const lists = Array.from(form.querySelectorAll("select[data-options]"));
    await Promise.all(lists.map(async (select) => {
      const response = await fetch(new URL(select.dataset.options, document.baseURI));
      for (const [value, text] of await response.json()) select.add(new Option(text, value));
    }));
  }

  async function start() {
    const filterBox = form.querySelector(".tdc-search-page__filter-box");
    const status = document.querySelector(".tdc-search-page__status");
    try {
      await loadOptions();
    } catch (error) {
      console.error("tìm kiếm: danh sách lọc", error); // the search still works, without that list
    }
    let state = readState(location.search);
    const early = form.elements.q.value; // typed before this script ran
    fillForm(state);
    if (early && early !== state.q) form.elements.q.value = early;
    filterBox.hidden = false;
    // Open on a wide screen when a filter is set; on a phone the results come first and the
    // closed box says how many filters are on.
    filterBox.open = matchMedia("(min-width: 60em)").matches && activeFilters(state) > 0;
    let search;
    try {
      const pagefind = await import(new URL(form.dataset.pagefind, document.baseURI).href);
      // On the page's own thread: the index is small, and a shared worker would add a second
      // script (41 KB) and its start-up to the first query.
      await pagefind.options({ noWorker: true });
      await pagefind.init();
      search = new Search(pagefind, new URL(form.dataset.pages, document.baseURI).href);
    } catch (error) {
      console.error("tìm kiếm:", error);
      status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại, hoặc dùng trang Tra cứu nhiệm vụ.";
      return;
    }
    const go = (push) => {
      const next = formState();
      const url = location.pathname + queryString(next, ["q", ...FILTERS]);
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
      state = next;
      return search.search(state);
    };
    let typing;
    const submit = (event) => {
      event.preventDefault();
      clearTimeout(typing); // the search of the words typed so far is not needed any more
      go(true);
    };
    // Enter in the field and the «Tìm» button search at once. Left to the browser, a form
    // submission reads every control before its submit event: with the 600 groups of a plan
    // × 100 in the list, 25–50 ms before the search could start.
    form.elements.q.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) submit(event); // not while an IME composes a word
    });
    form.querySelector('button[type="submit"]').addEventListener("click", submit);
    form.addEventListener("submit", submit);
    form.elements.q.addEventListener("input", () => {
      search.pagefind.preload(form.elements.q.value); // fetch the index chunks while the reader types
      clearTimeout(typing);
      typing = setTimeout(() => go(false), 200);
    });
    for (const name of FILTERS) form.elements[name].addEventListener("change", () => go(true));
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      for (const name of FILTERS) form.elements[name].value = DEFAULTS[name] || "";
      go(true);
    });
    window.addEventListener("popstate", () => {
      state = readState(location.search);
      fillForm(state);
      search.search(state);
    });
    window.tdcSearch = { numberKeys, fold };
    // The query typed (or pasted) before the index loaded counts too: read the field, not only the URL.
    const typed = formState();
    if (typed.q !== state.q) await go(false);
    else if (state.q.trim() || activeFilters(state)) await search.search(state);
    else {
      await search.search(state);
      await warmUp(search);
    }
    form.dataset.ready = ""; // the engine has run once: a query now gets its results at full speed
  }

  /**
   * One throwaway search while the reader has not typed yet, and the page list that every
   * search reads. The browser compiles Pagefind's WebAssembly in a quick first tier and
   * optimises its busy functions only once they have run for a while: a first search on a
   * large index takes about twice as long as the next. The word searched (the plan's year,
   * data-warm-up) is on nearly every page, so the search exercises the whole ranking, and it
   * lives in a small index chunk.
   */
  async function warmUp(search) {
    const word = form.dataset.warmUp;
    const pages = search.pages().catch(() => null); // a failure is reported by the search that needs it
    if (word) await search.pagefind.search(word);
    await pages;
  }

  start();
})();
