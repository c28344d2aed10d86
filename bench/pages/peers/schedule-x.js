// Schedule-X 4 (`@schedule-x/calendar`, default theme), list or month grid. It reads dates as
// Temporal objects: the page loads the polyfill version it asks for (0.3.2) as a global.
import 'temporal-polyfill-v0/global';
import {run} from './common.js';

export function scheduleX({createCalendar, createViewList, createViewMonthGrid}) {
  let zone;
  const toTemporal = (value) => (value.includes('T') ? Temporal.Instant.from(value).toZonedDateTimeISO(zone) : Temporal.PlainDate.from(value));
  return run({
    selector: {list: '.sx__event, [data-event-id]', month: '.sx__event, [data-event-id]'},
    mount(el, {view, initialDate, timeZone}) {
      zone = timeZone;
      const calendar = createCalendar({views: [view === 'month' ? createViewMonthGrid() : createViewList()], selectedDate: Temporal.PlainDate.from(initialDate), timezone: timeZone, events: []});
      calendar.render(el);
      return {set: (events) => calendar.events.set(events)};
    },
    toEvent: (e, i) => {
      const start = toTemporal(e.date);
      return {id: String(i), title: e.title, start, end: e.enddate && e.enddate.includes('T') === e.date.includes('T') ? toTemporal(e.enddate) : start};
    },
  });
}
