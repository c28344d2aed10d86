// FullCalendar 6 (`@fullcalendar/core` + `list` or `daygrid`) and 7 (`fullcalendar` + its
// `list` or `daygrid` and the classic theme): the same API for what the bench does.
import {run} from './common.js';

export function fullCalendar(Calendar, plugins, selector) {
  return run({
    selector,
    mount(el, {view, initialDate}) {
      const calendar = new Calendar(el, {plugins, initialView: view === 'month' ? 'dayGridMonth' : 'listMonth', initialDate, height: 800, dayMaxEvents: true});
      calendar.render();
      return {
        set: (events) =>
          calendar.batchRendering(() => {
            calendar.removeAllEventSources();
            calendar.addEventSource(events);
          }),
      };
    },
    toEvent: (e) => ({title: e.title, start: e.date, end: e.enddate, allDay: !e.date.includes('T')}),
  });
}
