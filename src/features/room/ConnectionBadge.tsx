import { useT, type TextKey } from '../../i18n'
import type { ConnectionState } from '../../sync/connectionState'
import { useRoom } from '../../store/roomStore'

function messageKey(state: ConnectionState): TextKey {
  switch (state.status) {
    case 'connected':
      return 'connection.connected'
    case 'connecting':
      return 'connection.connecting'
    case 'reconnecting':
      return state.unsynced ? 'connection.reconnectingUnsynced' : 'connection.reconnecting'
    case 'offline':
      return state.unsynced ? 'connection.offlineUnsynced' : 'connection.offline'
    case 'storageFailed':
      return 'connection.storageFailed'
    case 'refused':
      return 'connection.refused'
  }
}

/**
 * Your own connection, always in view: connected, reconnecting, or offline with unsynced work.
 * Why a connection stopped, and what to do, is told by the refusal banner.
 */
export function ConnectionBadge() {
  const t = useT()
  const connection = useRoom((state) => state.connection)
  const tone =
    connection.status === 'connected'
      ? 'ok'
      : connection.status === 'refused' || connection.status === 'storageFailed'
        ? 'bad'
        : 'warn'
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
      {t(messageKey(connection))}
    </p>
  )
}
