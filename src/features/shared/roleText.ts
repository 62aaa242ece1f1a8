import type { Translate } from '../../i18n'
import type { Participant } from '../../map'

/** How a person's role is shown: their own words for "anders", the translated role otherwise. */
export function roleText(t: Translate, person: Pick<Participant, 'role' | 'roleLabel'>): string {
  return person.role === 'anders' && person.roleLabel ? person.roleLabel : t(`role.${person.role}`)
}
