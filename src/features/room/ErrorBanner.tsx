import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'

/** Tells why the last action was refused; nothing in the map changed when this shows. */
export function ErrorBanner() {
  const t = useT()
  const error = useRoom((state) => state.error)
  if (!error) return null
  return (
    <div className="banner banner-error" role="alert">
      <p>{t(`error.${error}`)}</p>
      <button type="button" onClick={() => useRoom.getState().dismissError()}>
        {t('error.dismiss')}
      </button>
    </div>
  )
}
