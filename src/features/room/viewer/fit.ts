/**
 * Measuring what fits on the shared screen, which never scrolls. Each function reads the layout
 * of lists that lay out all their items (those on other pages too, unseen), and touches nothing
 * but the board's note size and questions while it tries them.
 */

/** Note sizes to try, largest first, in the viewer's unit (24 px on a 1920×1080 screen). */
export const NOTE_SCALES = [1.333, 1.25, 1.167, 1.083, 1] as const

function items(list: HTMLElement): HTMLElement[] {
  return [...list.children].filter((child): child is HTMLElement => child instanceof HTMLElement)
}

/** Whether every item of the list ends inside its height. */
export function fitsWhole(list: HTMLElement): boolean {
  const all = items(list)
  const last = all.at(-1)
  if (!last) return true
  return Math.max(...all.map((item) => item.offsetTop + item.offsetHeight)) <= list.clientHeight + 1
}

/**
 * Where each page of a list starts (indices). A page breaks between rows, so that a grid of
 * notes lays out the same on its own page as it does in the whole list; one row taller than the
 * page breaks inside it, and a single note taller than the page is clipped.
 */
export function pageStarts(list: HTMLElement): number[] {
  const all = items(list)
  const starts = [0]
  if (all.length === 0) return starts
  const height = list.clientHeight
  let top = all[0]!.offsetTop
  for (let i = 0; i < all.length; i++) {
    const item = all[i]!
    const start = starts.at(-1)!
    if (i === start || item.offsetTop + item.offsetHeight - top <= height + 1) continue
    let rowStart = i
    while (rowStart > start + 1 && all[rowStart - 1]!.offsetTop === item.offsetTop) rowStart--
    if (all[rowStart - 1]?.offsetTop === item.offsetTop && rowStart - 1 === start) rowStart = i
    starts.push(rowStart)
    top = all[rowStart]!.offsetTop
    i = rowStart
  }
  return starts
}

/** How far down the list each page starts, from its first item's top: what a page moves up. */
export function pageShifts(list: HTMLElement, starts: readonly number[]): number[] {
  const all = items(list)
  const top = all[0]?.offsetTop ?? 0
  return starts.map((start) => (all[start]?.offsetTop ?? top) - top)
}

/** How many items, from the first, end inside the list's height. */
export function countThatFit(list: HTMLElement): number {
  const all = items(list)
  const height = list.clientHeight
  const fitting = all.findIndex((item) => item.offsetTop + item.offsetHeight > height + 1)
  return fitting === -1 ? all.length : fitting
}

/** What the board settles on: the note size, and whether the columns show their questions. */
export interface NoteSize {
  scale: number
  questions: boolean
}

/**
 * The largest note size at which every paged list of the board shows all its notes. Without a
 * step each column also shows its questions, unless the notes need that room: they are dropped
 * before any column has to page. Leaves the board at the size it returns.
 */
export function chooseNoteSize(board: HTMLElement, lists: readonly HTMLElement[]): NoteSize {
  const smallest: NoteSize = { scale: NOTE_SCALES.at(-1)!, questions: false }
  // Each try lays the whole board out again. A full map (paging at any size) is known from the
  // smallest size alone: one layout instead of six, which on a 200-note map is the difference
  // between a long task and none when one note changes.
  if (!tryNoteSize(board, lists, smallest)) return smallest
  for (const questions of [true, false]) {
    const scales = questions ? NOTE_SCALES : NOTE_SCALES.slice(-1)
    for (const scale of scales) {
      if (tryNoteSize(board, lists, { scale, questions })) return { scale, questions }
    }
  }
  return smallest
}

/** Leaves the board at `size`; whether every paged list then shows all its notes. */
function tryNoteSize(board: HTMLElement, lists: readonly HTMLElement[], size: NoteSize): boolean {
  // Only what differs is written: the same value written again would still make the browser
  // work out the board's style anew.
  const questions = size.questions ? 'shown' : 'hidden'
  if (board.dataset.questions !== questions) board.dataset.questions = questions
  const scale = String(size.scale)
  if (board.style.getPropertyValue('--vw-note-scale') !== scale) {
    board.style.setProperty('--vw-note-scale', scale)
  }
  return lists.every(fitsWhole)
}
