// Runs in the benchmark's browser page: renders one calendar and returns the milliseconds from
// creating it to the first frame painted after its month grid shows the events.

/** After the next frame is painted: rAF runs before painting, the task it schedules after. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once `ready()` holds, checked after every change of the DOM below `root`. */
function whenReady(root, ready) {
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * The Hub's answers from memory, as `<sr-hub .client>` takes them (the seam the stories use):
 * `GET` resolves with the response body. `/events` is paged 100 at a time like the Hub.
 */
function memoryClient({ occurrences, categories, municipalities, organizations }) {
  const routes = {
    '/events': ({ cursor, limit }) => {
      const start = Number(cursor ?? 0);
      const end = start + limit;
      return { items: occurrences.slice(start, end), nextCursor: end < occurrences.length ? String(end) : null };
    },
    '/event-categories': () => ({ items: categories, nextCursor: null }),
    '/municipalities': () => ({ items: municipalities, nextCursor: null }),
    '/organizations': () => ({ items: organizations, nextCursor: null }),
  };
  const GET = async (path, init) => structuredClone(routes[path](init?.params?.query ?? {}));
  return { GET };
}

export async function renderOurs(data, date) {
  await Promise.all([import('/cdn/sr-hub.js'), import('/cdn/sr-event-calendar.js')]);
  const hub = document.createElement('sr-hub');
  hub.client = memoryClient(data);
  document.body.append(hub);
  await hub.updateComplete;

  const start = performance.now();
  const calendar = document.createElement('sr-event-calendar');
  calendar.setAttribute('date', date);
  hub.append(calendar);
  // Lit renders the whole grid in one update: the first event line means all are there.
  await whenReady(calendar.shadowRoot, () => calendar.shadowRoot.querySelector('[part~="event"]') !== null);
  await painted();
  return performance.now() - start;
}

export async function renderFullCalendar(events, date, firstTitle) {
  const { createCalendar } = await import('/fullcalendar/calendar.js');
  const start = performance.now();
  const element = document.createElement('div');
  document.body.append(element);
  createCalendar(element, events, date).render();
  await whenReady(element, () => element.textContent.includes(firstTitle));
  await painted();
  return performance.now() - start;
}
