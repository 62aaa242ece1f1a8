import { useLayoutEffect, useRef, type RefObject } from 'react'

/** How long a card takes to slide to its new place, in milliseconds. */
const SLIDE_MS = 150

/**
 * Lets the cards of a list slide to their new places when the list changes (a note dragged past
 * them, moved or deleted by someone else) instead of jumping there. After every render with new
 * `items` it compares where each card is with where it was after the last one, and animates the
 * difference (FLIP). Places are measured within the column, so scrolling moves nothing. Nothing
 * moves for people whose system asks for less motion.
 */
export function useSlideIntoPlace(
  list: RefObject<HTMLElement | null>,
  items: readonly unknown[],
): void {
  const places = useRef(new Map<string, number>())
  useLayoutEffect(() => {
    const element = list.current
    if (!element) return
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
    const next = new Map<string, number>()
    for (const card of element.children) {
      if (!(card instanceof HTMLElement) || !card.dataset.noteId) continue
      const top = card.offsetTop
      next.set(card.dataset.noteId, top)
      const before = places.current.get(card.dataset.noteId)
      if (before === undefined || before === top || still || typeof card.animate !== 'function') {
        continue
      }
      card.animate([{ transform: `translateY(${before - top}px)` }, { transform: 'none' }], {
        duration: SLIDE_MS,
        easing: 'ease-out',
      })
    }
    places.current = next
  }, [list, items])
}
