import { useState } from 'react'
import { useTexts } from '../../i18n/bundle'
import { mapToolTexts } from './mapToolTexts'
import { useRoom } from '../../store/roomStore'

/**
 * The facilitator deletes the map for good: from the server and, as each device hears of it,
 * from every device. Asked twice, and the export is suggested first.
 */
export function DeleteMap() {
  const mt = useTexts(mapToolTexts)
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  const facilitates = useRoom((state) => state.secrets !== null)
  if (!facilitates) return null

  async function onDelete(): Promise<void> {
    setState('busy')
    // Once deleted, the server closes every connection with "deleted"; the banner says so.
    if (!(await useRoom.getState().deleteMap())) setState('failed')
  }

  return (
    <details className="delete-map">
      <summary>{mt('delete.title')}</summary>
      <p>{mt('delete.explain')}</p>
      <button
        type="button"
        className="danger"
        disabled={state === 'busy'}
        onClick={() => void onDelete()}
      >
        {mt('delete.confirm')}
      </button>
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {mt('delete.failed')}
        </p>
      )}
    </details>
  )
}
