import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n'
import { createMapDoc, viewMap, type Note } from '../../map'
import { fillExampleMap } from '../../map/example'
import { actionHeader, actionRow } from './actionRow'
import { followUpLine, formatDay, ownerLine, shortText } from './noteText'

function firstAction(): Note {
  const doc = createMapDoc()
  fillExampleMap(doc)
  return viewMap(doc).columns.acties.find((note) => note.owner?.name)!
}

describe('note text shared by the screen and the exports', () => {
  it('says who does an action and when in one line, leaving out what is not known', () => {
    const t = translator('nl')
    const action = firstAction()
    const { name, when } = action.owner!
    expect(ownerLine(t, action)).toBe([t(`owner.${action.owner!.kind}`), name, when].join(' · '))
    expect(ownerLine(t, { ...action, owner: { kind: 'wij', name: ' ', when: '' } })).toBe('Wij')
    expect(ownerLine(t, { ...action, owner: null })).toBeNull()
  })

  it('builds one action row under the action headings', () => {
    const t = translator('nl')
    const action = firstAction()
    expect(actionHeader(t)).toEqual([
      'Wat',
      'Wie doet het?',
      'Wie precies',
      'Wanneer',
      'Stand',
      'Terugkijken op',
      'Evaluatie',
    ])
    expect(actionRow(t, action)).toEqual([
      action.text,
      t(`owner.${action.owner!.kind}`),
      action.owner!.name,
      action.owner!.when,
      'Open',
      '',
      '',
    ])
    const followedUp = {
      ...action,
      followUp: { status: 'losgelaten', lookAgain: '2027-03-12', evaluation: 'Te weinig tijd' },
    } as const
    expect(actionRow(t, followedUp).slice(4)).toEqual([
      'Losgelaten',
      '12 maart 2027',
      'Te weinig tijd',
    ])
    // A spreadsheet gets the day as it sorts.
    expect(actionRow(t, followedUp, true)[5]).toBe('2027-03-12')
    expect(actionRow(t, { ...action, owner: null, followUp: null })).toEqual([
      action.text,
      '',
      '',
      '',
      '',
      '',
      '',
    ])
  })

  it('says where an action stands, and when its day to look again has passed', () => {
    const t = translator('nl')
    const action = firstAction()
    expect(followUpLine(t, action, '2027-01-01')).toBeNull()
    const busy = {
      ...action,
      followUp: { status: 'bezig', lookAgain: '2027-03-12', evaluation: '' },
    } as const
    expect(followUpLine(t, busy, '2027-03-12')).toEqual({
      text: 'Bezig · Terugkijken op 12 maart 2027',
      overdue: false,
    })
    expect(followUpLine(t, busy, '2027-03-13')).toEqual({
      text: 'Bezig · Te laat: terugkijken was op 12 maart 2027',
      overdue: true,
    })
    // Done is done: its day passing is no reason to stand out.
    const done = { ...busy, followUp: { ...busy.followUp, status: 'gedaan' } } as const
    expect(followUpLine(t, done, '2027-04-01')?.overdue).toBe(false)
    expect(formatDay('en', '2027-03-12')).toBe('12 March 2027')
  })

  it('shortens long text to one line with an ellipsis', () => {
    expect(shortText('een\n  twee')).toBe('een twee')
    expect(shortText('x'.repeat(80), 10)).toBe(`${'x'.repeat(9)}…`)
    // Between words where it can, without a dangling comma.
    expect(shortText('Transparantie over wat ieder wel en niet kan beloven (geld, tijd)', 50)).toBe(
      'Transparantie over wat ieder wel en niet kan…',
    )
    expect(shortText('Geld, tijd, zorgen en nog veel meer', 12)).toBe('Geld, tijd…')
  })
})
