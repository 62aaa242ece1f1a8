import type { Translate } from '../../i18n'
import type { Participant } from '../../map'

/**
 * How a person's role is shown: their own words for "anders", the translated role otherwise,
 * with what it is more precisely when they said ("Vrijwilliger, voedselbank").
 */
export function roleText(t: Translate, person: Pick<Participant, 'role' | 'roleLabel'>): string {
  if (person.role === 'anders') return person.roleLabel || t('role.anders')
  const role = t(`role.${person.role}`)
  return person.roleLabel ? `${role}, ${person.roleLabel}` : role
}
