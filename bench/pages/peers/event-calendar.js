// vkurko's EventCalendar 5 (`@event-calendar/core`), list or day grid.
import {run} from './common.js';

export function eventCalendar(createCalendar, plugins) {
  return run({
    selector: {list: '.ec-event', month: '.ec-event'},
    mount(el, {view, initialDate}) {
      const calendar = createCalendar(el, plugins, {view: view === 'month' ? 'dayGridMonth' : 'listMonth', date: initialDate, height: '800px', dayMaxEvents: true, events: []});
      return {set: (events) => calendar.setOption('events', events)};
    },
    toEvent: (e, i) => {
      const allDay = !e.date.includes('T');
      return {id: String(i), title: e.title, start: allDay ? e.date : new Date(e.date), end: e.enddate ? (allDay ? e.enddate : new Date(e.enddate)) : undefined, allDay};
    },
  });
}
