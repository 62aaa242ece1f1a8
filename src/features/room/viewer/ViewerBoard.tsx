import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react'
import { useLang, useT } from '../../../i18n'
import { cardOrder, type ColumnId, type FormKind, type Note } from '../../../map'
import { useShownColumns } from '../../board/useShownColumns'
import { useRoom, useSheet } from '../../../store/roomStore'
import {
  chooseNoteSize,
  countThatFit,
  NOTE_SCALES,
  pageShifts,
  pageStarts,
  type NoteSize,
} from './fit'
import { ViewerColumn, type Shown } from './ViewerColumn'

/** How long a page of a full column stays up before the next one: time to read it aloud. */
export const PAGE_MS = 15_000

interface Fit extends NoteSize {
  /** Where each page of a paged column starts (indices)… */
  pages: Partial<Record<ColumnId, number[]>>
  /** …and how far down it starts in the column's list (px). */
  shifts: Partial<Record<ColumnId, number[]>>
  /** How many notes a rail has room for. */
  rails: Partial<Record<ColumnId, number>>
}

/** Whether two fits show the same: a measurement that changes nothing renders nothing again. */
function sameFit(a: Fit | null, b: Fit): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b)
}

/** An element's size as the board measured it. */
function sizeOf(element: HTMLElement): string {
  return `${element.offsetWidth}x${element.offsetHeight}`
}

/**
 * A count that goes up when the board, one of its lists or one of their notes changes size
 * other than by the board's own measuring: a side panel taking room, a note's occasional parts
 * (layers, power, tasks) arriving after it was measured. `follow` is called after each
 * measurement, with the layout clean: it records the sizes the board saw and observes new notes.
 */
function useResized(ref: React.RefObject<HTMLElement | null>): [number, () => void] {
  const [resized, setResized] = useState(0)
  const seen = useRef(new Map<HTMLElement, string>())
  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => {
    const board = ref.current
    if (!board) return
    const sizes = seen.current
    const watch = new ResizeObserver((entries) => {
      // An element observed just now is reported once at the size the board already measured.
      const changed = entries.some((entry) => {
        const target = entry.target as HTMLElement
        return target.isConnected && sizes.get(target) !== sizeOf(target)
      })
      if (changed) setResized((count) => count + 1)
    })
    observer.current = watch
    sizes.set(board, '')
    watch.observe(board)
    return () => {
      watch.disconnect()
      sizes.clear()
      observer.current = null
    }
  }, [ref])
  const follow = useCallback(() => {
    const board = ref.current
    const watch = observer.current
    if (!board || !watch) return
    const sizes = seen.current
    const now = new Set<HTMLElement>([board])
    for (const list of board.querySelectorAll<HTMLElement>('[data-fit]')) {
      now.add(list)
      for (const item of list.children) if (item instanceof HTMLElement) now.add(item)
    }
    for (const element of sizes.keys()) {
      if (now.has(element)) continue
      watch.unobserve(element)
      sizes.delete(element)
    }
    for (const element of now) {
      if (!sizes.has(element)) watch.observe(element)
      sizes.set(element, sizeOf(element))
    }
  }, [ref])
  return [resized, follow]
}

/** A count that goes up every `ms` while `on`, for pages that turn by themselves. */
function useTick(ms: number, on: boolean): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!on) return
    const timer = setInterval(() => setTick((value) => value + 1), ms)
    return () => clearInterval(timer)
  }, [ms, on])
  return tick
}

/** The page of a column to show: the spotlight's, else a shown thread's, else the turning one. */
function pageToShow(
  starts: readonly number[],
  notes: readonly Note[],
  tick: number,
  focusNote: string | null,
  thread: ReadonlySet<string> | null,
): number {
  const pageOf = (index: number) => starts.findLastIndex((start) => start <= index)
  const focused = focusNote ? notes.findIndex((note) => note.id === focusNote) : -1
  if (focused >= 0) return pageOf(focused)
  const threadPages = thread
    ? [...new Set(notes.flatMap((note, i) => (thread.has(note.id) ? [pageOf(i)] : [])))]
    : []
  const pages = threadPages.length > 0 ? threadPages : starts.map((_, i) => i)
  return pages[tick % pages.length]!
}

/**
 * The map on the shared screen, made to fit it: without a step every column shares the width;
 * with a step, its column(s) take most of it and the others become narrow rails. Notes are as
 * large as the screen allows (never below 24 px at 1920×1080); a column that is still too full
 * shows its notes in pages that turn slowly, a rail its first notes and how many more.
 */
export function ViewerBoard() {
  const t = useT()
  const lang = useLang((state) => state.lang)
  const view = useRoom((state) => state.view)
  const sheet = useSheet()
  const activeColumns = useRoom((state) => state.control.activeColumns)
  const focusNote = useRoom((state) => state.control.focusNote)
  const agreed = useRoom((state) => state.control.agreed)
  const vote = useRoom((state) => state.control.vote)
  const dots = useRoom((state) => state.dots)
  const thread = useRoom((state) => state.thread)
  const boardRef = useRef<HTMLDivElement>(null)
  const [resized, follow] = useResized(boardRef)

  const columns = useShownColumns(view)

  // Anything that changes how tall the notes are, or how much room they have, measures again.
  const token = useMemo(
    () => ({}),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh token whenever one changes
    [columns, sheet, activeColumns, focusNote, agreed, vote, dots, lang, resized, view.links],
  )
  const [fit, setFit] = useState<Fit | null>(null)

  // Every note is laid out, on its page or not, so measuring reads the layout the browser keeps
  // and brings up to date where something changed: one note changed on a full map costs the
  // layout of that note, not of all of them (which used to be mounted again to be measured).
  useLayoutEffect(() => {
    const board = boardRef.current
    if (!board) return
    const paged = [...board.querySelectorAll<HTMLElement>('[data-fit="pages"]')]
    const size = chooseNoteSize(board, paged)
    const pages: Fit['pages'] = {}
    const shifts: Fit['shifts'] = {}
    for (const list of paged) {
      const column = list.dataset.column as ColumnId
      pages[column] = pageStarts(list)
      shifts[column] = pageShifts(list, pages[column])
    }
    const rails: Fit['rails'] = {}
    for (const list of board.querySelectorAll<HTMLElement>('[data-fit="rail"]')) {
      rails[list.dataset.column as ColumnId] = countThatFit(list)
    }
    // Measured from the layout just made: the board shows what fits before it is painted.
    const next: Fit = { ...size, pages, shifts, rails }
    setFit((was) => (sameFit(was, next) ? was : next))
    follow()
  }, [token, follow])

  const paging = fit !== null && Object.values(fit.pages).some((starts) => starts!.length > 1)
  const tick = useTick(PAGE_MS, paging)
  // Until measured, the board starts from the largest notes with questions (fit.ts changes it).
  const scale = fit?.scale ?? NOTE_SCALES[0]
  const questions = fit?.questions ?? true
  const focusMode = activeColumns.length > 0
  const order = cardOrder(sheet)

  return (
    <div
      ref={boardRef}
      className={`vw-board${focusMode ? ' is-focus' : ' is-free'}${thread ? ' has-thread' : ''}`}
      style={
        {
          '--vw-note-scale': scale,
          gridTemplateColumns: order
            .map((column) =>
              !focusMode || activeColumns.includes(column) ? 'minmax(0, 1fr)' : 'var(--vw-rail)',
            )
            .join(' '),
        } as CSSProperties
      }
      data-questions={questions ? 'shown' : 'hidden'}
      role="group"
      aria-label={t(sheet === view.board ? 'board.label' : `form.${sheet.kind as FormKind}`)}
    >
      {order.map((column) => {
        const notes = columns[column]
        const rail = focusMode && !activeColumns.includes(column)
        const starts = fit?.pages[column] ?? [0]
        const page = pageToShow(starts, notes, tick, focusNote, thread)
        const shown: Shown = !fit
          ? { from: 0, to: notes.length, shift: 0 }
          : rail
            ? { from: 0, to: fit.rails[column] ?? notes.length, shift: 0 }
            : {
                from: starts[page]!,
                to: starts[page + 1] ?? notes.length,
                shift: fit.shifts[column]?.[page] ?? 0,
              }
        return (
          <ViewerColumn
            key={column}
            column={column}
            notes={notes}
            shown={shown}
            rail={rail}
            active={activeColumns.includes(column)}
            showQuestions={!focusMode}
            page={page}
            pages={starts.length}
          />
        )
      })}
    </div>
  )
}
