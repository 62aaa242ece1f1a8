import { useT } from '../../i18n'
import { threadStart, type NoteId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { refOf } from '../shared/refs'

/*
 * On every screen, in the step bar: what the facilitator put to the group about the golden
 * thread. Apart from the thread panel, which loads only when someone opens it.
 */

/** The facilitator's question about a loose end, on every screen while it is open. */
export function AskBanner() {
  const t = useT()
  const view = useRoom((state) => state.view)
  const askNote = useRoom((state) => state.control.askNote)
  const level = useRoom((state) => state.level)
  const note = askNote ? view.notes.get(askNote as NoteId) : undefined
  if (!note) return null
  return (
    <div className="ask-banner" role="status">
      <p className="ask-title">{t('thread.askTitle')}</p>
      <p className="ask-question">
        {t(note.column === threadStart(view.board) ? 'thread.askValue' : 'thread.askAction')}
      </p>
      <p className="ask-note">
        <span className="link-ref">{refOf(t, view, note.id)}</span> {note.text}
      </p>
      {level === 'facilitator' && (
        <button type="button" className="small" onClick={() => useRoom.getState().setAskNote(null)}>
          {t('thread.askEnd')}
        </button>
      )}
    </div>
  )
}

/** On a following screen: whose thread is highlighted, when it is the facilitator's. */
export function SharedThreadNote() {
  const t = useT()
  const shared = useRoom((state) =>
    state.threadNote === null && state.thread !== null && state.control.threadNote
      ? refOf(t, state.view, state.control.threadNote as NoteId)
      : '',
  )
  return shared ? <p className="thread-shared">{t('thread.shared', { ref: shared })}</p> : null
}
