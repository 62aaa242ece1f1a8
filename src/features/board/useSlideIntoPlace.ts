import { useLayoutEffect, useRef, type RefObject } from 'react'
import { prefersLessMotion } from './motion'

/** How long a card takes to slide to its new place, in milliseconds. */
const SLIDE_MS = 150

/**
 * Lets the cards of a list slide to their new places when the list changes (the empty place of a
 * dragged note passing them, a note moved or deleted by someone else) instead of jumping there.
 * After every render of the list that changed its order it compares where each card is with where
 * it was after the last one, and animates the difference (FLIP). Places are measured within the column, so scrolling
 * moves nothing. Nothing moves for people whose system asks for less motion.
 */
export function useSlideIntoPlace(list: RefObject<HTMLElement | null>): void {
  const places = useRef(new Map<string, number>())
  const order = useRef('')
  useLayoutEffect(() => {
    const element = list.current
    if (!element) return
    // Only a change of order slides: a card that moved because the page around it changed (a
    // panel opened, a note above grew) jumped there long ago, and must not be animated back.
    const now = [...element.children]
      .map((card) => (card instanceof HTMLElement ? (card.dataset.noteId ?? 'slot') : ''))
      .join(' ')
    const reordered = now !== order.current
    order.current = now
    // All places are read first, then the animations start: starting one dirties the layout, and
    // a read after it would lay out the whole board again, once per card.
    const cards: { card: HTMLElement; moved: number }[] = []
    const next = new Map<string, number>()
    for (const card of element.children) {
      if (!(card instanceof HTMLElement) || !card.dataset.noteId) continue
      const top = card.offsetTop
      next.set(card.dataset.noteId, top)
      const before = places.current.get(card.dataset.noteId)
      if (before !== undefined && before !== top) cards.push({ card, moved: before - top })
    }
    places.current = next
    if (!reordered || prefersLessMotion()) return
    for (const { card, moved } of cards) {
      if (typeof card.animate !== 'function') continue
      card.animate([{ transform: `translateY(${moved}px)` }, { transform: 'none' }], {
        duration: SLIDE_MS,
        easing: 'ease-out',
      })
    }
  })
}
