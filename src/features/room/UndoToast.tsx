import { useEffect, useRef, useState } from 'react'
import { useTexts } from '../../i18n/bundle'
import { undoTexts } from './undoTexts'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'

/** How long a message stays when nobody touches it, in milliseconds. */
const SHOWN_MS = 10_000

/**
 * The message at the bottom after one's own change to a note: what happened and a button to take
 * it back (or make it again), as Ctrl+Z and Ctrl+Shift+Z do. It also tells a writer that someone
 * removed their note. It stays while the pointer or focus is on it.
 */
export function UndoToast() {
  const ut = useTexts(undoTexts)
  const notice = useRoom((state) => state.undoNotice)
  const [held, setHeld] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!notice || held) return
    const timer = setTimeout(() => useRoom.getState().dismissNotice(), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [notice, held])

  if (!notice) return null
  const room = useRoom.getState()
  const text =
    notice.kind === 'gone'
      ? ut('undo.gone', { label: notice.label, text: shortText(notice.text) })
      : notice.kind === 'editLost'
        ? ut('undo.editLost', { label: notice.label })
        : notice.kind === 'toMap'
          ? ut('undo.toMap', { label: notice.label })
          : ut(`undo.${notice.kind}.${notice.change}`)
  const action =
    notice.kind === 'undone'
      ? { label: ut('undo.redo'), title: ut('undo.redoKeys'), run: () => room.redo() }
      : notice.kind === 'gone' || notice.kind === 'editLost'
        ? null
        : { label: ut('undo.undo'), title: ut('undo.undoKeys'), run: () => room.undo() }

  return (
    <div
      ref={root}
      className="undo-toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setHeld(false)
      }}
    >
      <p role="status">{text}</p>
      {action && (
        <button type="button" className="small" title={action.title} onClick={action.run}>
          {action.label}
        </button>
      )}
      <button
        type="button"
        className="small quiet undo-close"
        aria-label={ut('undo.close')}
        title={ut('undo.close')}
        onClick={() => room.dismissNotice()}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  )
}
