// Reception's calendar: FullCalendar's day and week views over /calendar/events. Times are the clinic's wall-clock
// times, sent and read without an offset (the calendar runs in UTC so it shows them as they are). Dragging an
// appointment moves it through the same checks as the appointment page; a refusal puts it back and says why.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('calendar');
  if (!element || !window.FullCalendar) {
    return;
  }
  const data = element.dataset;
  const message = document.getElementById('calendar-message');
  const practitioner = document.getElementById('filter-practitioner');
  const room = document.getElementById('filter-room');
  const wallClock = (date) => date.toISOString().substring(0, 16);
  const show = (text) => {
    message.textContent = text;
    message.classList.toggle('d-none', !text);
  };
  const calendar = new FullCalendar.Calendar(element, {
    timeZone: 'UTC',
    locale: data.locale,
    firstDay: 1,
    initialView: window.innerWidth < 768 ? 'timeGridDay' : 'timeGridWeek',
    initialDate: data.date,
    // On a phone the title takes the top bar alone and the buttons go below, so that nothing overflows.
    headerToolbar: window.innerWidth < 768 ? { left: '', center: 'title', right: '' }
      : { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,listWeek' },
    footerToolbar: window.innerWidth < 768 ? { left: 'prev,next today', right: 'timeGridDay,listWeek' } : false,
    buttonText: { today: data.today, day: data.day, week: data.week, list: data.list },
    slotMinTime: '07:00:00',
    slotMaxTime: '21:00:00',
    slotDuration: '00:15:00',
    slotLabelInterval: '01:00',
    allDaySlot: false,
    businessHours: JSON.parse(data.businessHours || '[]'),
    nowIndicator: false,
    height: 'auto',
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    selectable: Boolean(data.new),
    events: (info, success, failure) => {
      const params = new URLSearchParams({ start: info.startStr, end: info.endStr });
      if (practitioner.value) params.set('practitioner', practitioner.value);
      if (room.value) params.set('room', room.value);
      fetch(`${data.events}?${params}`, { headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
        .then(success, failure);
    },
    eventContent: (arg) => {
      if (arg.event.display === 'background') {
        return { domNodes: [text('fc-event-title small p-1', arg.event.title)] };
      }
      const props = arg.event.extendedProps;
      return {
        domNodes: [text('fc-event-time', arg.timeText), text('fc-event-title', arg.event.title),
          text('small d-block', [props.practitioner, props.room].filter(Boolean).join(' · '))],
      };
    },
    select: (info) => {
      const params = new URLSearchParams({ start: wallClock(info.start) });
      if (practitioner.value) params.set('practitioner', practitioner.value);
      window.location.href = `${data.new}?${params}`;
    },
    eventDrop: move,
    eventResize: move,
  });

  function text(className, value) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = value;
    return span;
  }

  function move(info) {
    const body = new URLSearchParams({
      version: info.event.extendedProps.version,
      start: wallClock(info.event.start),
      end: wallClock(info.event.end),
    });
    fetch(`${data.move}${info.event.id}/move`, {
      method: 'POST',
      headers: { [data.csrfHeader]: data.csrf, Accept: 'application/json' },
      body,
    }).then((r) => r.json().catch(() => ({ ok: false, message: data.moveFailed })))
      .then((result) => {
        if (result.ok) {
          info.event.setExtendedProp('version', result.version);
          show('');
        } else {
          info.revert();
          show(result.message || data.moveFailed);
        }
      }, () => {
        info.revert();
        show(data.moveFailed);
      });
  }

  [practitioner, room].forEach((select) => select.addEventListener('change', () => calendar.refetchEvents()));
  calendar.render();
  // The toolbar's arrows are pictures inside buttons that already say what they do.
  const hideIcons = () => element.querySelectorAll('.fc-icon[role="img"]').forEach((icon) => {
    icon.removeAttribute('role');
    icon.setAttribute('aria-hidden', 'true');
  });
  hideIcons();
  calendar.on('datesSet', hideIcons);
});
