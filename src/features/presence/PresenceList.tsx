import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import type { PresentPerson } from '../../sync/roomConnection'
import { roleText } from '../shared/roleText'

/** Each person once, however many devices they are connected with. */
export function onePerPerson(presence: readonly PresentPerson[]): PresentPerson[] {
  const seen = new Set<string>()
  return presence.filter((person) => {
    if (seen.has(person.participant.id)) return false
    seen.add(person.participant.id)
    return true
  })
}

/** Who is here now: one line per person (a person with two devices is listed once). */
export function PresenceList() {
  const t = useT()
  const presence = useRoom((state) => state.presence)
  const level = useRoom((state) => state.level)
  const privateWriting = useRoom((state) => state.control.privateWriting)
  // The facilitator sees how many drafts each person has, never what they say.
  const showDrafts = level === 'facilitator' && privateWriting
  const people = onePerPerson(presence)
  const draftsOf = (id: string): number =>
    presence
      .filter((person) => person.participant.id === id)
      .reduce((sum, person) => sum + person.drafts, 0)
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title">{t('presence.title', { count: people.length })}</h2>
      <ul>
        {people.map(({ participant, isMe, clientId }) => (
          <li key={clientId}>
            <span className="presence-name">{participant.name}</span>{' '}
            {isMe && <span className="presence-you">{t('presence.you')}</span>}
            <span className="presence-role">{roleText(t, participant)}</span>
            {showDrafts && (
              <span className="presence-drafts">
                {t(draftsOf(participant.id) === 1 ? 'drafts.countOne' : 'drafts.count', {
                  count: draftsOf(participant.id),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
