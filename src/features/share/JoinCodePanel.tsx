import { lazy, Suspense, useState } from 'react'
import { absoluteUrl, appHost, joinCodePath, viewerPath } from '../../routing/router'
import { useT } from '../../i18n'
import { joinCodeTexts } from './joinCodeTexts'
import { shareTexts } from './shareTexts'
import { useTexts } from '../../i18n/bundle'
import { useRoom } from '../../store/roomStore'

// The QR encoder loads only when a facilitator opens joining by code, not with the app.
const QrCode = lazy(() => import('./QrCode').then((module) => ({ default: module.QrCode })))

/** The short code and QR code for phones; shown while joining by code is open. */
export function JoinCodeDisplay({ large = false }: { large?: boolean }) {
  const t = useT()
  const ct = useTexts(joinCodeTexts)
  const code = useRoom((state) => state.control.joinCode)
  if (!code) return null
  const url = absoluteUrl(joinCodePath(code))
  return (
    <div className={`join-code${large ? ' is-large' : ''}`}>
      <p className="join-code-value" aria-label={`${t('code.label')}: ${code.split('').join(' ')}`}>
        {code}
      </p>
      <Suspense
        fallback={
          <div
            className="qr-code"
            style={{ width: large ? 300 : 180, height: large ? 300 : 180 }}
          />
        }
      >
        <QrCode text={url} label={ct('code.qr')} size={large ? 300 : 180} />
      </Suspense>
      <p className="hint">{ct('code.howTo', { address: appHost() })}</p>
    </div>
  )
}

/** The facilitator opens and closes joining by code here. */
export function JoinCodePanel() {
  const t = useT()
  const ct = useTexts(joinCodeTexts)
  const st = useTexts(shareTexts)
  const code = useRoom((state) => state.control.joinCode)
  const viewerToken = useRoom((state) => state.secrets?.viewerToken)
  const viewer = viewerToken ? absoluteUrl(viewerPath(viewerToken)) : null
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)

  async function toggle(): Promise<void> {
    if (busy) return
    setBusy(true)
    setFailed(!(await useRoom.getState().setJoinOpen(code === null)))
    setBusy(false)
  }

  return (
    <section className="share-code" aria-labelledby="share-code-title">
      <h3 id="share-code-title">{t('code.title')}</h3>
      {/* Not `disabled` while busy: that would take focus away from the person who pressed it. */}
      <button type="button" onClick={() => void toggle()} aria-disabled={busy}>
        {code ? ct('code.close') : ct('code.open')}
      </button>
      <p className="hint">{ct('code.explain')}</p>
      {failed && (
        <p className="form-error" role="alert">
          {t('code.failed')}
        </p>
      )}
      <JoinCodeDisplay />
      {code && viewer && (
        // The shared screen shows the code and QR as large as a room needs, beside the map.
        <a className="button-link" href={viewer} target="_blank" rel="noopener">
          {st('share.showBig')}
        </a>
      )}
    </section>
  )
}
