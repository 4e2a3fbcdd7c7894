// The list of lessons: one real button per lesson (its number, title and
// one-sentence summary), in reading order. Text goes in as text.
import { h } from '../render/dom.mjs';

/**
 * @param {HTMLOListElement} list
 * @param {{ id: string, title: string, summary: string, steps: unknown[] }[]} lessons
 * @param {(id: string) => void} onOpen
 */
export function renderLessonList(list, lessons, onOpen) {
  list.replaceChildren(...lessons.map((lesson, i) => h('li', {},
    h('button', { type: 'button', class: 'lesson-item', dataset: { lesson: lesson.id }, onclick: () => onOpen(lesson.id) },
      h('span', { class: 'lesson-num', 'aria-hidden': 'true', text: String(i + 1) }),
      h('span', { class: 'lesson-item-text' },
        h('span', { class: 'lesson-item-title', text: lesson.title }),
        h('span', { class: 'lesson-item-summary', text: lesson.summary }),
        h('span', { class: 'lesson-item-meta', text: `${lesson.steps.length} steps` })),
    ))));
}
