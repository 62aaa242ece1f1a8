import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createMap,
  createMapDoc,
  deleteNote,
  editNote,
  moveNote,
  newNoteId,
  observeMap,
  viewMap,
  type MapView,
  type MapDoc,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'
import { createNoteUndo, onNotesRemovedElsewhere, undoable } from './undo'

const ayse: Participant = {
  id: 'ayse-0000001' as ParticipantId,
  name: 'Ayşe Yılmaz',
  role: 'vrijwilliger',
  roleLabel: '',
  side: 'informal',
}
const kwame: Participant = { ...ayse, id: 'kwame-000001' as ParticipantId, name: 'Kwame' }

/** Two peers that pass every update to each other at once, as through the server. */
function twoPeers(): [MapDoc, MapDoc] {
  const a = createMapDoc()
  const b = createMapDoc()
  yDocOf(a).on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(yDocOf(b), update, 'peer')
  })
  yDocOf(b).on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(yDocOf(a), update, 'peer')
  })
  createMap(a, { title: 'Kaart', description: '' })
  return [a, b]
}

function note(doc: MapDoc, id: NoteId) {
  return viewMap(doc).notes.get(id)
}

describe('taking back one’s own note changes', () => {
  it('an undo listener that throws does not keep the map’s view from its change', () => {
    const [a] = twoPeers()
    const id = addNote(a, { id: newNoteId(), column: 'waarden', text: 'Eerst', author: ayse })
    // The undo manager listens to the document before the view does.
    const history = createNoteUndo(a)
    history.onChange(() => {
      throw new Error('a listener that fails')
    })
    let seen: MapView | null = null
    const stop = observeMap(a, (view) => {
      seen = view
    })
    const quiet = console.error
    console.error = () => undefined
    try {
      undoable(a, 'edit', () => editNote(a, id, { text: 'Daarna' }))
    } finally {
      console.error = quiet
    }
    expect(seen!.notes.get(id)?.text).toBe('Daarna')
    stop()
  })

  it('a deleted note comes back for everyone with its text, author and label', () => {
    const [a, b] = twoPeers()
    const id = addNote(b, { id: newNoteId(), column: 'waarden', text: 'Van Kwame', author: kwame })
    addNote(b, { id: newNoteId(), column: 'waarden', text: 'Nog een', author: kwame })
    const label = viewMap(a).labels.get(id)
    const history = createNoteUndo(a)
    undoable(a, 'delete', () => deleteNote(a, id))
    expect(note(b, id)).toBeUndefined()
    expect(history.status()).toEqual({ undo: 'delete', redo: null })

    expect(history.undo()).toBe('delete')
    for (const peer of [a, b]) {
      expect(note(peer, id)).toMatchObject({ text: 'Van Kwame', author: { name: 'Kwame' } })
      expect(viewMap(peer).labels.get(id)).toBe(label)
    }
    expect(history.status()).toEqual({ undo: null, redo: 'delete' })
    expect(history.redo()).toBe('delete')
    expect(note(b, id)).toBeUndefined()
  })

  it('takes back only what this person did: a move undone keeps the text another person wrote since', () => {
    const [a, b] = twoPeers()
    const id = addNote(a, { id: newNoteId(), column: 'waarden', text: 'Eerst', author: ayse })
    const history = createNoteUndo(a)
    undoable(a, 'move', () => moveNote(a, id, { column: 'relaties', index: 0 }))
    editNote(b, id, { text: 'Door Kwame verbeterd' })
    history.undo()
    for (const peer of [a, b]) {
      expect(note(peer, id)).toMatchObject({ column: 'waarden', text: 'Door Kwame verbeterd' })
    }
  })

  it('has nothing to take back of another person’s changes, or of changes not made undoable', () => {
    const [a, b] = twoPeers()
    const history = createNoteUndo(a)
    const id = addNote(b, { id: newNoteId(), column: 'waarden', text: 'Van Kwame', author: kwame })
    editNote(a, id, { text: 'Gewoon bewerkt' })
    deleteNote(b, id)
    expect(history.status()).toEqual({ undo: null, redo: null })
    expect(history.undo()).toBeNull()
  })

  it('takes back edits one by one, the last first', () => {
    const [a] = twoPeers()
    const history = createNoteUndo(a)
    const id = undoable(a, 'add', () =>
      addNote(a, { id: newNoteId(), column: 'waarden', text: 'Een', author: ayse }),
    )
    undoable(a, 'edit', () => editNote(a, id, { text: 'Twee' }))
    undoable(a, 'edit', () => editNote(a, id, { text: 'Drie' }))
    expect(history.undo()).toBe('edit')
    expect(note(a, id)?.text).toBe('Twee')
    expect(history.undo()).toBe('edit')
    expect(note(a, id)?.text).toBe('Een')
    expect(history.undo()).toBe('add')
    expect(note(a, id)).toBeUndefined()
  })

  it('tells which notes a peer removed, not the ones removed here', () => {
    const [a, b] = twoPeers()
    const mine = addNote(a, { id: newNoteId(), column: 'waarden', text: 'Van mij', author: ayse })
    const other = addNote(a, { id: newNoteId(), column: 'waarden', text: 'Ook', author: ayse })
    const gone: NoteId[][] = []
    onNotesRemovedElsewhere(a, (ids) => gone.push(ids))
    deleteNote(b, mine)
    deleteNote(a, other)
    expect(gone).toEqual([[mine]])
  })
})
