// The lessons section of the page (index.html, #lessons): the list, the
// lesson player, and the `#lesson=<id>&step=<n>` fragment. main.mjs calls
// wireLessons once the app is up; it returns the tour (also handy to tests).
import { renderLessonList } from './list-view.mjs';
import { LessonPlayerView } from './player-view.mjs';
import { LessonTour } from './tour.mjs';
import { CompareStage } from './compare-stage.mjs';

const $ = (id) => document.getElementById(id);

/**
 * @param {import('../app/app.mjs').App} app
 * @param {{ lessons: import('./tour.mjs').Lesson[], showSetup?: (lines: string[]) => void,
 *   gomap?: import('../../wasm/gomap').GoMapModule }} options
 *   gomap: the module, for lessons on both maps (compare mode)
 * @returns {LessonTour | null} null when the page has no lessons section or no lessons
 */
export function wireLessons(app, { lessons, showSetup, gomap = null }) {
  const section = $('lessons');
  if (!section || !lessons.length) return null;
  const toggle = $('lessons-toggle');
  const head = /** @type {HTMLElement} */ (toggle.closest('.card-head'));
  const list = /** @type {HTMLOListElement} */ ($('lesson-list'));
  const intro = $('lessons-intro');
  const playerRoot = $('lesson-player');

  // Two views share the card: the list and the open lesson.
  let listOpen = false;
  const layout = () => {
    const lessonOpen = !!tour.lesson;
    list.hidden = !listOpen;
    playerRoot.hidden = !lessonOpen || listOpen;
    intro.hidden = lessonOpen || listOpen;
    // An open lesson has its own head (title, All lessons, Close).
    head.hidden = lessonOpen && !listOpen;
    section.classList.toggle('is-open', lessonOpen && !listOpen);
    toggle.setAttribute('aria-expanded', String(listOpen));
    for (const item of /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('.lesson-item'))) {
      if (item.dataset.lesson === tour.lesson?.id) item.setAttribute('aria-current', 'true');
      else item.removeAttribute('aria-current');
    }
    toggle.textContent = listOpen
      ? (lessonOpen ? 'Back to the lesson' : 'Hide lessons')
      : (lessonOpen ? 'All lessons' : `Show the ${lessons.length} lessons`);
  };

  const view = new LessonPlayerView(playerRoot, {
    prev: () => tour.prev(),
    next: () => tour.next(),
    replay: () => tour.replay(),
    goTo: (k) => tour.goTo(k),
    showList: () => toggleList(),
    close: () => {
      tour.close();
      toggle.focus();
    },
    nextLesson: async () => {
      await tour.nextLesson();
      if (tour.lesson) view.focusTitle();
      else toggle.focus();
    },
  });
  const mapView = document.getElementById('map-view');
  const compareStage = gomap && mapView ? new CompareStage(gomap, mapView) : null;
  const tour = new LessonTour(app, { lessons, view, showSetup, onOpen: layout, compareStage });

  renderLessonList(list, lessons, async (id) => {
    listOpen = false;
    const opened = await tour.open(id, 0);
    layout();
    if (opened) view.focusTitle();
  });
  function toggleList() {
    listOpen = !listOpen;
    layout();
    if (listOpen) /** @type {HTMLElement} */ (list.querySelector(`[data-lesson="${tour.lesson?.id}"]`) ?? list.querySelector('button'))?.focus();
    else if (tour.lesson) view.focusTitle();
  }
  toggle.addEventListener('click', toggleList);
  // A link to a lesson followed while the page is open.
  window.addEventListener('hashchange', async () => {
    if (await tour.openFragment(location.hash)) {
      listOpen = false;
      layout();
    }
  });
  layout();
  return tour;
}
