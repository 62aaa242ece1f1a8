import { useT } from '../../i18n'
import { threadStart, type NoteId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'
import { looseEndsShown, refOf } from '../shared/refs'

/**
 * The golden thread at a glance: how many links, and the loose ends. The facilitator can put a
 * loose end to the group; the question then shows on every screen.
 */
export function ThreadPanel() {
  const t = useT()
  const view = useRoom((state) => state.view)
  const level = useRoom((state) => state.level)
  const askNote = useRoom((state) => state.control.askNote)
  const shown = looseEndsShown(view)

  const list = (ids: readonly NoteId[]) => (
    <ul className="loose-list">
      {ids.map((id) => {
        const text = shortText(view.notes.get(id)?.text ?? '')
        return (
          <li key={id}>
            <span className="link-ref">{refOf(t, view, id)}</span> {text}
            {level === 'facilitator' && (
              <button
                type="button"
                className="small quiet"
                aria-pressed={askNote === id}
                aria-label={t('thread.askLabel', { text })}
                onClick={() => useRoom.getState().setAskNote(askNote === id ? null : id)}
              >
                {t('thread.ask')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )

  return (
    <section className="thread-panel" aria-labelledby="thread-panel-title">
      <h2 id="thread-panel-title">{t('thread.panel')}</h2>
      <p className="hint">{t('thread.panelIntro')}</p>
      <p>{t('thread.linkCount', { count: view.links.length })}</p>
      {!shown ? (
        <p className="hint">{t('thread.notYet')}</p>
      ) : view.loose.values.length + view.loose.actions.length === 0 ? (
        <p>{t('thread.noLooseEnds')}</p>
      ) : (
        <>
          {view.loose.values.length > 0 && (
            <>
              <h3>{t('thread.looseValues')}</h3>
              {list(view.loose.values)}
            </>
          )}
          {view.loose.actions.length > 0 && (
            <>
              <h3>{t('thread.looseActions')}</h3>
              {list(view.loose.actions)}
            </>
          )}
        </>
      )}
    </section>
  )
}

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
