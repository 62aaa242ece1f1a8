import { useEffect, useRef, useState } from 'react'
import { AppLink } from '../../routing/AppLink'
import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { explainRefusal } from './refusal'
import { refusalTexts } from './refusalTexts'
import { useTexts } from '../../i18n/bundle'

/**
 * Says plainly, in the page, when the server stopped this connection or cannot store anything,
 * and offers the one thing that helps: try again, fetch the map afresh, or go back to the start.
 */
export function RefusalBanner() {
  const t = useT()
  const rt = useTexts(refusalTexts)
  const connection = useRoom((state) => state.connection)
  const [discarding, setDiscarding] = useState(false)
  const refusal = connection.refusal
  const banner = useRef<HTMLDivElement>(null)

  // The connection has ended: whoever is scrolled down the board (or just pressed "delete" at
  // the bottom of the panel) is taken to the message, and keyboard focus goes with it. The
  // storage warning does not move anyone: work goes on, and role="alert" announces it.
  const refusedCode = refusal?.code ?? null
  useEffect(() => {
    if (refusedCode === null) return
    banner.current?.scrollIntoView({ block: 'start' })
    banner.current?.focus({ preventScroll: true })
  }, [refusedCode])

  if (connection.status === 'storageFailed') {
    return (
      <div className="banner banner-warn" role="alert">
        <p>{rt('refusal.storageFailed')}</p>
      </div>
    )
  }
  if (!refusal) return null
  const { text, action } = explainRefusal(refusal)
  return (
    <div
      className="banner banner-error refusal"
      role="alert"
      data-code={refusal.code}
      ref={banner}
      tabIndex={-1}
    >
      <p>{rt(text, { code: refusal.code })}</p>
      {action === 'retry' && (
        <button type="button" onClick={() => useRoom.getState().reconnect()}>
          {rt('refusal.retry')}
        </button>
      )}
      {action === 'discard' && (
        <>
          <p className="hint">{rt('refusal.discardHint')}</p>
          <button
            type="button"
            disabled={discarding}
            onClick={() => {
              setDiscarding(true)
              void useRoom.getState().discardLocalCopy()
            }}
          >
            {rt('refusal.discard')}
          </button>
        </>
      )}
      {action === 'home' && <AppLink to="/">{t('room.home')}</AppLink>}
    </div>
  )
}
