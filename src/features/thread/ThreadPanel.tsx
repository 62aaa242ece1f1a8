import { useT } from '../../i18n'
import { threadTexts } from './threadTexts'
import { useTexts } from '../../i18n/bundle'
import type { NoteId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'
import { looseEndsShown, refOf } from '../shared/refs'

/**
 * The golden thread at a glance: how many links, and the loose ends. The facilitator can put a
 * loose end to the group; the question then shows on every screen.
 */
export function ThreadPanel() {
  const t = useT()
  const tt = useTexts(threadTexts)
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
                aria-label={tt('thread.askLabel', { text })}
                onClick={() => useRoom.getState().setAskNote(askNote === id ? null : id)}
              >
                {tt('thread.ask')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )

  return (
    <section className="thread-panel" aria-labelledby="thread-panel-title">
      <h2 id="thread-panel-title">{tt('thread.panel')}</h2>
      <p className="hint">{tt('thread.panelIntro')}</p>
      <p>{tt('thread.linkCount', { count: view.links.length })}</p>
      {!shown ? (
        <p className="hint">{tt('thread.notYet')}</p>
      ) : view.loose.values.length + view.loose.actions.length === 0 ? (
        <p>{tt('thread.noLooseEnds')}</p>
      ) : (
        <>
          {view.loose.values.length > 0 && (
            <>
              <h3>{tt('thread.looseValues')}</h3>
              {list(view.loose.values)}
            </>
          )}
          {view.loose.actions.length > 0 && (
            <>
              <h3>{tt('thread.looseActions')}</h3>
              {list(view.loose.actions)}
            </>
          )}
        </>
      )}
    </section>
  )
}
