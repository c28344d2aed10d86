// What a site writes around a peer calendar: fetch the feed, map its events to the calendar's
// shape, hand them over; for a filter, filter the raw events and hand over what is kept. Each
// adapter (fullcalendar.js, event-calendar.js, schedule-x.js) gives `mount` (creates and renders
// the empty calendar at once, as a page with it in its markup) and `toEvent`.
export async function run({mount, toEvent, selector}) {
  const {feed, view, initialDate, timeZone} = window.bench.params;
  const el = document.createElement('div');
  document.getElementById('host').append(el);
  const eventSelector = selector[view];
  window.bench.watch(el, () => Boolean(el.querySelector(eventSelector)));
  let raw = [];
  let calendar;
  try {
    calendar = mount(el, {view, initialDate, timeZone});
    raw = (await (await fetch(feed)).json()).events;
    calendar.set(raw.map(toEvent));
  } catch (error) {
    window.bench.fail(error);
  }
  window.bench.info = () => ({events: raw.length, visible: el.querySelectorAll(eventSelector).length});
  window.bench.filter = async (kind, value) => {
    const changed = window.bench.whenRendered(el, () => true, 5000);
    const start = performance.now();
    const kept = raw.filter(window.bench.matches(kind, value)).map(toEvent);
    calendar.set(kept);
    const {dom, paint} = await changed;
    return {start, dom, paint, visible: kept.length};
  };
}
