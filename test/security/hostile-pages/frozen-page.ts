// The module of frozen.html, run after its inline script froze the built-ins: loads feedcal and
// reports to the test (test/security/frozen-builtins.test.ts) what the list showed.
export interface FrozenReport {
  frozenIntrinsics: number;
  frozen: boolean;
  defined: boolean;
  cards: number;
  titles: string[];
  fallbackShown: boolean;
  errors: string[];
  warnings: string[];
  /** The month grid with a filter bar, in Swedish: its day cells with an event, and whether the search box came. */
  month: {days: number; search: boolean};
  /** The list whose feed is missing: its error's code and the words it shows. */
  missing: {code?: string; text: string};
}

const page = window as unknown as {frozenIntrinsics: number; pageErrors: string[]; pageWarnings: string[]};

async function run(): Promise<FrozenReport> {
  let loadError: string | undefined;
  await import('../../../src/index.js').catch((error: unknown) => void (loadError = String(error)));
  const list = document.querySelector('event-list')!;
  const missing = document.querySelector('#missing')!;
  let missingCode: string | undefined;
  const missingError = new Promise<void>((resolve) =>
    missing.addEventListener('event-list-error', (event) => resolve(void (missingCode = (event as unknown as {error: {code: string}}).error.code)), {once: true})
  );
  if (customElements.get('event-list')) {
    await Promise.race([missingError, new Promise((resolve) => setTimeout(resolve, 5000))]);
    await Promise.race([
      new Promise((resolve) => {
        list.addEventListener('event-list-load', resolve, {once: true});
        list.addEventListener('event-list-error', resolve, {once: true});
      }),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]);
    await (list as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    // The month grid and the filter bar arrive on demand.
    for (let i = 0; i < 50 && !document.querySelector('#month')!.shadowRoot?.querySelector('table input, table, [role="search"]'); i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
  }
  const cards = [...(list.shadowRoot?.querySelectorAll('[part~="card"]') ?? [])];
  await Promise.all(cards.map((card) => (card as unknown as {updateComplete?: Promise<unknown>}).updateComplete));
  const fallback = list.querySelector('a')!;
  return {
    frozenIntrinsics: page.frozenIntrinsics,
    frozen: Object.isFrozen(Object.prototype) && Object.isFrozen(Symbol) && Object.isFrozen(Array.prototype),
    defined: Boolean(customElements.get('event-list')),
    cards: cards.length,
    titles: cards.map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() ?? ''),
    fallbackShown: fallback.getClientRects().length > 0,
    errors: [...page.pageErrors, ...(loadError ? [loadError] : [])],
    warnings: page.pageWarnings,
    month: {
      days: document.querySelector('#month')!.shadowRoot?.querySelectorAll('td [part~="month-event"], td button, td li').length ?? 0,
      search: Boolean(document.querySelector('#month')!.shadowRoot?.querySelector('input[type="search"]')),
    },
    missing: {code: missingCode, text: missing.shadowRoot?.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''},
  };
}

run().then(
  (report) => parent.postMessage({type: 'frozen-report', report}, '*'),
  (error: unknown) => parent.postMessage({type: 'frozen-report', error: String(error)}, '*')
);
