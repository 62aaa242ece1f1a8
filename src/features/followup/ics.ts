/**
 * A calendar file (iCalendar, RFC 5545) with one all-day event: the day a group looks at an
 * action again. Written here rather than with a library: one event needs escaping and line
 * folding, nothing more.
 */
export interface DayEvent {
  /** Stays the same for the same action and day, so importing it again updates the event. */
  readonly uid: string
  /** `YYYY-MM-DD`. */
  readonly day: string
  readonly summary: string
  readonly description: string
  /** When the file was made. */
  readonly stamp: Date
}

/** Text as a property value: backslash, semicolon, comma and line breaks escaped. */
export function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Lines longer than 75 bytes go on over the next lines, each begun with a space; never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let bytes = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    const max = parts.length === 0 ? 75 : 74
    if (bytes + size > max) {
      parts.push(current)
      current = ''
      bytes = 0
    }
    current += char
    bytes += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function compactDay(day: string): string {
  return day.replace(/-/g, '')
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  const next = new Date(Date.UTC(year!, month! - 1, date! + 1))
  return next.toISOString().slice(0, 10)
}

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** The whole file, with CRLF line ends as the standard asks. */
export function calendarFile(event: DayEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Partnerschapskaart//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;VALUE=DATE:${compactDay(event.day)}`,
    `DTEND;VALUE=DATE:${compactDay(nextDay(event.day))}`,
    `SUMMARY:${icsText(event.summary)}`,
    `DESCRIPTION:${icsText(event.description)}`,
    'TRANSP:TRANSPARENT',
    // A reminder the day before, so the group can prepare.
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    `DESCRIPTION:${icsText(event.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
