import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n'
import { createMapDoc, viewMap, type Note } from '../../map'
import { fillExampleMap } from '../../map/example'
import { actionHeader, actionRow } from './actionRow'
import { ownerLine, shortText } from './noteText'

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
    expect(actionHeader(t)).toEqual(['Wat', 'Wie doet het?', 'Wie precies', 'Wanneer'])
    expect(actionRow(t, action)).toEqual([
      action.text,
      t(`owner.${action.owner!.kind}`),
      action.owner!.name,
      action.owner!.when,
    ])
    expect(actionRow(t, { ...action, owner: null })).toEqual([action.text, '', '', ''])
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
