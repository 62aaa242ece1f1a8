import { useT, type TextKey, type Translate } from '../../i18n'
import type { ConnectionState } from '../../sync/connectionState'
import { useRoom } from '../../store/roomStore'

function messageKey(state: ConnectionState): Exclude<TextKey, 'connection.refused'> {
  switch (state.status) {
    case 'connected':
      return 'connection.connected'
    case 'connecting':
      return 'connection.connecting'
    case 'reconnecting':
      return state.unsynced ? 'connection.reconnectingUnsynced' : 'connection.reconnecting'
    case 'offline':
      return state.unsynced ? 'connection.offlineUnsynced' : 'connection.offline'
    case 'refused':
      return 'error.generic'
  }
}

function message(t: Translate, state: ConnectionState): string {
  if (state.status !== 'refused') return t(messageKey(state))
  if (state.refusedReason === '4403') return t('error.forbidden')
  if (state.refusedReason === '4404') return t('error.unknownMap')
  return t('connection.refused', { reason: state.refusedReason ?? '' })
}

/** Your own connection, always in view: connected, reconnecting, or offline with unsynced work. */
export function ConnectionBadge() {
  const t = useT()
  const connection = useRoom((state) => state.connection)
  const tone =
    connection.status === 'connected' ? 'ok' : connection.status === 'refused' ? 'bad' : 'warn'
  return (
    <p
      className={`connection connection-${tone}`}
      role="status"
      aria-live="polite"
      data-status={connection.status}
      data-unsynced={connection.unsynced}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      {message(t, connection)}
    </p>
  )
}
