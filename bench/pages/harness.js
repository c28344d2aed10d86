// Shared by the benchmark pages; a classic script at the top of <head>, so the observers see
// everything from the first script on. A page reads its feed and view from `bench.params` (the
// URL's query), starts its widget at once, as a page with the widget in its markup does, and
// calls `bench.watch(root, ready)`; `bench.finished` then resolves with the first paint's figures.
(() => {
  const bench = (window.bench = {longTasks: [], longFrames: []});
  const query = new URLSearchParams(location.search);
  bench.params = {
    feed: query.get('feed'),
    view: query.get('view') === 'month' ? 'month' : 'list',
    initialDate: query.get('date') ?? '2026-01-05',
    timeZone: 'Europe/Stockholm',
  };
  // Long tasks (≥ 50 ms); where the Long Tasks API is missing, long animation frames stand in.
  const observe = (type, into, map) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) into.push(map(entry));
      }).observe({type, buffered: true});
      return true;
    } catch {
      return false;
    }
  };
  bench.longTasksSupported = observe('longtask', bench.longTasks, (e) => ({start: e.startTime, duration: e.duration}));
  observe('long-animation-frame', bench.longFrames, (e) => ({start: e.startTime, duration: e.duration, blocking: e.blockingDuration}));
  /** The longest task seen by the page (Long Tasks API; else the longest animation frame's blocking part + 50). */
  bench.longestTask = () => {
    const tasks = bench.longTasksSupported ? bench.longTasks.map((t) => t.duration) : bench.longFrames.map((f) => f.blocking + 50);
    return tasks.reduce((max, t) => Math.max(max, t), 0);
  };

  /**
   * Resolves with performance.now() once the frame after this call has been rendered: a message
   * posted from requestAnimationFrame is handled after that frame's style, layout, paint and
   * commit on the main thread.
   */
  bench.afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      })
    );

  /**
   * Watches `root` (an element or a shadow root, subtree included) and resolves when `ready()`
   * is first true after a DOM mutation: `dom` is when the mutation was seen (microtask after the
   * widget changed its DOM), `paint` when the frame showing it was rendered. `timeout` (ms):
   * resolve with `{dom: null, paint: null}` when nothing changed by then.
   */
  bench.whenRendered = (root, ready = () => true, timeout = 0) =>
    new Promise((resolve) => {
      let done = false;
      const check = () => {
        if (done || !ready()) return;
        done = true;
        observer.disconnect();
        const dom = performance.now();
        bench.afterNextPaint().then((paint) => resolve({dom, paint}));
      };
      const observer = new MutationObserver(check);
      observer.observe(root, {childList: true, subtree: true, characterData: true, attributes: true});
      if (timeout)
        setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve({dom: null, paint: null});
        }, timeout);
    });

  /** `selector` in `root` or in any open shadow root below it. */
  bench.deepQuery = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot && bench.deepQuery(el.shadowRoot, selector)) return el;
    return null;
  };

  let settle;
  /** Resolves with the first paint's figures, or `{error}`. */
  bench.finished = new Promise((resolve) => (settle = resolve));
  const timeout = Number(query.get('timeout') ?? 120_000);
  setTimeout(() => settle({error: `bench-timeout: no event painted within ${timeout / 1000} s`}), timeout);
  bench.fail = (error) => settle({error: String(error?.message ?? error)});
  addEventListener('error', (e) => bench.fail(`page error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => bench.fail(`unhandled rejection: ${e.reason?.message ?? e.reason}`));
  /** Set by the page: resolves when the widget has drawn everything it draws (default: the first paint). */
  bench.complete = null;
  /** Set by the page: what it shows, `{events, visible, cards}`. */
  bench.info = () => ({});

  /** The page's widget root: the first frame in which `ready()` holds settles `bench.finished`. */
  bench.watch = (root, ready) =>
    bench.whenRendered(root, ready).then(async ({dom, paint}) => {
      const feed = bench.feedTiming(bench.params.feed);
      if (!feed) return bench.fail('the feed was never fetched');
      performance.mark('bench:first-events-painted', {startTime: paint});
      settle({dom, paint, ...feed, resources: bench.resourcesBefore(paint)});
    });

  /** The resource-timing entry of the feed: `responseEnd` is when its last byte arrived. */
  bench.feedTiming = (feedUrl) => {
    const path = new URL(feedUrl, location.href).pathname;
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname === path)
      .pop();
    return entry && {fetchStart: entry.fetchStart, responseStart: entry.responseStart, responseEnd: entry.responseEnd, feedTransfer: entry.transferSize, feedBytes: entry.decodedBodySize};
  };

  /** Paths of the document and every resource whose last byte arrived before `time`, with its transfer size. */
  bench.resourcesBefore = (time) =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd > 0 && e.responseEnd <= time)
      .map((e) => ({path: new URL(e.name).pathname, transferSize: e.transferSize, responseEnd: e.responseEnd}));

  /** Elements and all nodes in the document, open shadow roots included. */
  bench.countNodes = () => {
    let elements = 0;
    let nodes = 0;
    let shadowRoots = 0;
    const walk = (node) => {
      nodes++;
      if (node.nodeType === 1) {
        elements++;
        if (node.shadowRoot) {
          shadowRoots++;
          for (let child = node.shadowRoot.firstChild; child; child = child.nextSibling) walk(child);
        }
      }
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(document.documentElement);
    return {elements, nodes, shadowRoots};
  };

  /** Case- and accent-insensitive, as feedcal's filters. */
  bench.fold = (text) =>
    String(text ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();

  /** The raw events a peer page filters itself, as a site would: by category (`forms`) or free text. */
  bench.matches = (kind, value) => {
    const wanted = bench.fold(value);
    if (!wanted) return () => true;
    if (kind === 'categories') return (e) => (e.forms ?? []).some((f) => bench.fold(f) === wanted);
    const words = wanted.split(' ');
    return (e) => {
      const text = bench.fold([e.title, e.description, e.organizer, ...(e.locations ?? []), ...(e.forms ?? [])].join(' '));
      return words.every((w) => text.includes(w));
    };
  };
})();
