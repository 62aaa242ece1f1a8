import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
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
  const t = useT()
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
      ? t('undo.gone', { label: notice.label, text: shortText(notice.text) })
      : notice.kind === 'editLost'
        ? t('undo.editLost', { label: notice.label })
        : t(`undo.${notice.kind}.${notice.change}`)
  const action =
    notice.kind === 'undone'
      ? { label: t('undo.redo'), title: t('undo.redoKeys'), run: () => room.redo() }
      : notice.kind === 'gone' || notice.kind === 'editLost'
        ? null
        : { label: t('undo.undo'), title: t('undo.undoKeys'), run: () => room.undo() }

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
        aria-label={t('undo.close')}
        title={t('undo.close')}
        onClick={() => room.dismissNotice()}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  )
}
