import { describe, expect, it } from 'vitest'
import { calendarFile, foldLine, icsText } from './ics'

describe('the calendar file of a day to look again', () => {
  const file = calendarFile({
    uid: 'action-00001-2027-03-12@partnerschapskaart',
    day: '2027-03-12',
    summary: 'Terugkijken: koffie, thee; en meer',
    description: 'Regel 1\nRegel 2 \\ klaar',
    stamp: new Date(Date.UTC(2026, 11, 2, 9, 30, 5)),
  })

  it('is one all-day event on that day, ending the next, with CRLF line ends', () => {
    const lines = file.split('\r\n')
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines).toContain('DTSTART;VALUE=DATE:20270312')
    expect(lines).toContain('DTEND;VALUE=DATE:20270313')
    expect(lines).toContain('DTSTAMP:20261202T093005Z')
    expect(lines.at(-2)).toBe('END:VCALENDAR')
    // With a reminder the day before.
    expect(file).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n')
    expect(file.replace(/\r\n/g, '')).not.toContain('\n')
    expect(calendarFile({ ...eventOn('2027-12-31') })).toContain('DTEND;VALUE=DATE:20280101')
  })

  it('escapes what would break the file, so a note cannot add fields of its own', () => {
    expect(file).toContain('SUMMARY:Terugkijken: koffie\\, thee\\; en meer')
    expect(file).toContain('DESCRIPTION:Regel 1\\nRegel 2 \\\\ klaar')
    expect(icsText('a\r\nEND:VEVENT')).toBe('a\\nEND:VEVENT')
  })

  it('folds long lines at 75 bytes without cutting a character in two', () => {
    const folded = foldLine(`SUMMARY:${'ë'.repeat(100)}`)
    const encoder = new TextEncoder()
    for (const part of folded.split('\r\n')) {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75)
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ë'.repeat(100)}`)
  })
})

function eventOn(day: string) {
  return { uid: 'x', day, summary: 's', description: 'd', stamp: new Date(0) }
}
