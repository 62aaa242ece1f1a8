import { useState } from 'react'
import { useT } from '../../i18n'
import { requestDeleteMap } from '../../sync/serverApi'
import { secretsFor } from '../../sync/mapSecrets'

/**
 * The facilitator deletes the map for good: from the server and, as each device hears of it,
 * from every device. Asked twice, and the export is suggested first.
 */
export function DeleteMap({ roomId }: { roomId: string }) {
  const t = useT()
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  const secrets = secretsFor(roomId)
  if (!secrets) return null

  async function onDelete(): Promise<void> {
    setState('busy')
    try {
      await requestDeleteMap(roomId, secrets!.facilitatorKey)
      // The server now closes every connection with "deleted"; the banner takes it from there.
    } catch {
      setState('failed')
    }
  }

  return (
    <details className="delete-map">
      <summary>{t('delete.title')}</summary>
      <p>{t('delete.explain')}</p>
      <button
        type="button"
        className="danger"
        disabled={state === 'busy'}
        onClick={() => void onDelete()}
      >
        {t('delete.confirm')}
      </button>
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {t('delete.failed')}
        </p>
      )}
    </details>
  )
}
