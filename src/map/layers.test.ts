import { describe, expect, it } from 'vitest'
import { addNote, createMap, createMapDoc, newNoteId, viewMap, type Participant } from './index'
import { layerSpread, setLayer } from './layers'
import type { ParticipantId } from './schema'

const noor: Participant = {
  id: 'noor-0000001' as ParticipantId,
  name: 'Noor El Idrissi',
  role: 'vrijwilliger',
  roleLabel: 'taalmaatje',
  side: 'informal',
}

describe('the three layers', () => {
  it('tag conditions, and only conditions, and show how they spread', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Lagen', description: '' })
    const note = (column: 'voorwaarden' | 'eisen', text: string) =>
      addNote(doc, { id: newNoteId(), column, text, author: noor })
    const vog = note('voorwaarden', 'Een VOG')
    const privacy = note('voorwaarden', 'Afspraken over privacy')
    note('voorwaarden', 'Tijd')
    const requirement = note('eisen', 'Geen jargon')
    setLayer(doc, vog, 'samenwerken')
    setLayer(doc, privacy, 'samenspel')
    expect(() => setLayer(doc, requirement, 'samenspel')).toThrow()
    const view = viewMap(doc)
    expect(view.notes.get(requirement)!.layer).toBeNull()
    const spread = layerSpread(view.columns.voorwaarden)
    expect(spread.samenwerken.map((n) => n.text)).toEqual(['Een VOG'])
    expect(spread.samenspel.map((n) => n.text)).toEqual(['Afspraken over privacy'])
    expect(spread.verandering).toEqual([])
    expect(spread.none.map((n) => n.text)).toEqual(['Tijd'])
    setLayer(doc, vog, null)
    expect(viewMap(doc).notes.get(vog)!.layer).toBeNull()
  })
})
