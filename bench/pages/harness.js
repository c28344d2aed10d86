// Shared by the benchmark pages; a classic script at the top of <head>, so the long-task observer
// sees everything from the first script on.
(() => {
  const bench = (window.bench = {longTasks: []});
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({start: entry.startTime, duration: entry.duration});
    }).observe({type: 'longtask', buffered: true});
  } catch {
    bench.longTasksUnsupported = true;
  }

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
   * widget changed its DOM), `paint` when the frame showing it was rendered.
   */
  bench.whenRendered = (root, ready = () => true) =>
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
    });

  /** The resource-timing entry of the feed: `responseEnd` is when its last byte arrived. */
  bench.feedTiming = (feedUrl) => {
    const path = new URL(feedUrl, location.href).pathname;
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname === path)
      .pop();
    return entry && {fetchStart: entry.fetchStart, responseStart: entry.responseStart, responseEnd: entry.responseEnd, bytes: entry.decodedBodySize};
  };

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
  bench.fold = (text) => String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

  bench.longestTask = () => bench.longTasks.reduce((max, t) => Math.max(max, t.duration), 0);
})();
