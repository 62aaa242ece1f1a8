import type { KeyboardEvent } from 'react'

const PLACES = '.note-list > li .note-main, .column-add .add-note'

/** The places one can land on in a column: its notes top to bottom, then its add button. */
function placesIn(column: Element): HTMLElement[] {
  return [...column.querySelectorAll<HTMLElement>(PLACES)]
}

/**
 * Roving focus on the board: each column is one Tab stop, the arrow keys go from note to note
 * (up and down within a column and on to its add button, left and right to the same place in the
 * next column), Home and End to a column's first and last place. A note being dragged by keyboard is
 * left to dnd-kit, whose arrows move it.
 */
export function moveNoteFocus(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement
  if (!target.matches(PLACES) || target.getAttribute('aria-pressed') === 'true') return
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const column = target.closest('[data-column]')
  const board = event.currentTarget
  if (!column) return
  const places = placesIn(column)
  const at = places.indexOf(target)
  let next: HTMLElement | undefined
  switch (event.key) {
    case 'ArrowDown':
      next = places[at + 1]
      break
    case 'ArrowUp':
      next = places[at - 1]
      break
    case 'Home':
      next = places[0]
      break
    case 'End':
      next = places[places.length - 1]
      break
    case 'ArrowLeft':
    case 'ArrowRight': {
      const columns = [...board.querySelectorAll<HTMLElement>('[data-column]:not([hidden])')]
      const step = event.key === 'ArrowRight' ? 1 : -1
      for (
        let i = columns.indexOf(column as HTMLElement) + step;
        i >= 0 && i < columns.length;
        i += step
      ) {
        const there = placesIn(columns[i]!)
        // From a note to a note; the add button only where a column has no notes.
        const notes = there.filter((place) => place.matches('.note-main'))
        const pool = notes.length > 0 ? notes : there
        if (pool.length > 0) {
          next = pool[Math.min(at, pool.length - 1)]
          break
        }
      }
      break
    }
    default:
      return
  }
  // At the edge the key does nothing, and the page does not scroll either.
  event.preventDefault()
  if (!next) return
  next.focus()
  next.scrollIntoView({ block: 'nearest', inline: 'nearest' })
}
