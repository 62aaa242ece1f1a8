import type { BundleTranslate } from '../../i18n/bundle'
import type { Note } from '../../map'
import { shortText } from '../shared/noteText'
import { calendarFile } from './ics'
import type { followUpTexts } from './texts'

type Texts = BundleTranslate<keyof typeof followUpTexts.nl>

/**
 * The calendar file for an action's day to look again. It names the map and the action, never
 * a link: the map's link opens the map, and calendars are shared further than one means to.
 */
export function lookBackCalendar(ft: Texts, note: Note, mapTitle: string, now = new Date()) {
  const day = note.followUp?.lookAgain ?? ''
  return calendarFile({
    // One event per action: importing it again after the day changed moves the event.
    uid: `${note.id}@partnerschapskaart`,
    day,
    summary: ft('calendar.summary', { note: shortText(note.text, 50) }),
    description: ft('calendar.description', {
      label: note.label ?? '',
      title: mapTitle,
      text: note.text,
    }),
    stamp: now,
  })
}

/** Saves the calendar file on this device; nothing is sent anywhere. */
export async function downloadLookBack(ft: Texts, note: Note, mapTitle: string): Promise<void> {
  if (!note.followUp?.lookAgain) return
  const [{ download }, { fileName }] = await Promise.all([
    import('../export/download'),
    import('../export/formats'),
  ])
  const suffix = `${note.label ?? ''}-${note.followUp.lookAgain}`
  download(
    fileName(`${mapTitle} ${ft('calendar.file')}`, 'ics', suffix),
    lookBackCalendar(ft, note, mapTitle),
    'text/calendar;charset=utf-8',
  )
}
