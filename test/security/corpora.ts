/**
 * The third-party XSS payload lists in `../shared/fixtures/xss-corpora/` (DOMPurify's test
 * fixture, the PayloadsAllTheThings intruder lists, payloadbox's list; see SOURCES.md there),
 * served by the test runner under /xss-corpora/ (web-test-runner.config.mjs) and never copied into
 * the project. A `.txt` list holds one payload a line; a `.json` list is an array of objects with
 * a `payload`. Empty lines and duplicates are dropped.
 *
 * No dependencies, so the strict-CSP pages (test/security/csp/) can use it too.
 */

/** The payloads of every list, or why there are none (the tests that need them skip, saying so). */
export type Corpora = {payloads: string[]; lists: string[]; missing?: undefined} | {missing: string; payloads?: undefined; lists?: undefined};

export async function loadCorpora(): Promise<Corpora> {
  const lists = (await fetch('/xss-corpora/index.json').then((response) => (response.ok ? response.json() : []))) as string[];
  if (!lists.length) return {missing: '../shared/fixtures/xss-corpora/ is absent or holds no payload list (*.txt, *.json)'};
  const payloads = new Set<string>();
  for (const list of lists) {
    const text = await fetch(`/xss-corpora/${encodeURIComponent(list)}`).then((response) => response.text());
    const found = list.endsWith('.json')
      ? (JSON.parse(text) as Array<{payload?: unknown}>).map((entry) => entry.payload).filter((payload): payload is string => typeof payload === 'string')
      : text.split(/\r?\n/);
    for (const payload of found) if (payload.trim()) payloads.add(payload);
  }
  if (!payloads.size) return {missing: `the lists in ../shared/fixtures/xss-corpora/ (${lists.join(', ')}) hold no payloads`};
  return {payloads: [...payloads], lists};
}

/** `items` in consecutive batches of at most `size`: a list draws one batch at a time. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
