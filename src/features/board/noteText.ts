import type { Translate } from '../../i18n'
import type { Note } from '../../map'
import { roleText } from '../room/roleLabel'

/** A short form of a note's text for labels and announcements. */
export function shortText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

/** Who wrote a note: "Name · role", for a proxy note also who wrote it down. */
export function bylineOf(t: Translate, note: Note, withNames = true): string {
  if (!note.author) return t('note.anonymous')
  const role = roleText(t, note.author)
  const who = withNames && note.author.name ? `${note.author.name} · ${role}` : role
  if (!note.proxyBy) return who
  return withNames
    ? t('proxy.byline', { who, writer: note.proxyBy.name })
    : t('proxy.bylineNoNames', { who })
}
