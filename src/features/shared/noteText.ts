import type { Translate } from '../../i18n'
import { isOverdue, type Note } from '../../map'
import { roleText } from './roleText'

/** A short form of a note's text for labels and announcements. */
export function shortText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= max) return oneLine
  // Cut between words where one is near: a word cut in half reads as a typo.
  const cut = oneLine.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/** Who wrote a note: "Name · role", for a proxy note also who wrote it down. */
export function bylineOf(t: Translate, note: Note, withNames = true, withRole = true): string {
  if (!note.author) return t('note.anonymous')
  const role = roleText(t, note.author)
  // Without roles, a name alone; someone written for without a name keeps the role.
  const who =
    withNames && note.author.name
      ? withRole
        ? `${note.author.name} · ${role}`
        : note.author.name
      : role
  if (!note.proxyBy) return who
  return withNames
    ? t('proxy.byline', { who, writer: note.proxyBy.name })
    : t('proxy.bylineNoNames', { who })
}

/** Who does an action and when, as one line ("Wij · Marga · vóór 1 maart"); null for no owner. */
export function ownerLine(t: Translate, note: Note): string | null {
  if (!note.owner) return null
  return [t(`owner.${note.owner.kind}`), note.owner.name, note.owner.when]
    .filter((part) => part.trim() !== '')
    .join(' · ')
}

/** A calendar day (`YYYY-MM-DD`) written out for people: "12 maart 2027". */
export function formatDay(lang: string, day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, date)))
}

/**
 * Where an action stands and when the group looks at it again ("Bezig · Terugkijken op 12 maart
 * 2027"); null for an open action without a day, which has nothing to say yet.
 */
export function followUpLine(
  t: Translate,
  note: Note,
  on: string,
): { text: string; overdue: boolean } | null {
  const followUp = note.followUp
  if (!followUp || (followUp.status === 'open' && followUp.lookAgain === '')) return null
  const overdue = isOverdue(followUp, on)
  const parts = [t(`status.${followUp.status}`)]
  if (followUp.lookAgain) {
    const date = formatDay(t.lang, followUp.lookAgain)
    parts.push(t(overdue ? 'followUp.overdue' : 'followUp.lookAgain', { date }))
  }
  return { text: parts.join(' · '), overdue }
}
