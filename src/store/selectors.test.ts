import { describe, expect, it } from 'vitest'
import {
  addNote,
  castVote,
  createControlDoc,
  createMapDoc,
  dotsOf,
  newNoteId,
  PARTNERSHIP_BOARD,
  servedColumns,
  setLink,
  viewControl,
  viewMap,
  type ColumnId,
  type ControlView,
  type NoteId,
  type Participant,
  type ParticipantId,
  type VoteRules,
} from '../map'
import type { ConnectionStatus } from '../sync/connectionState'
import type { PresentPerson, ReadyMark } from '../sync/roomConnection'
import {
  dotsLeft,
  mayWriteTo,
  dotsOn,
  readyCounts,
  roomWork,
  sameThread,
  threadShown,
  titleState,
  voteRefusal,
  type ThreadInputs,
} from './selectors'

const marga: Participant = {
  id: 'marga-000001' as ParticipantId,
  name: 'Marga',
  role: 'mantelzorger',
  roleLabel: '',
  side: 'informal',
}
const kwame: Participant = { ...marga, id: 'kwame-000001' as ParticipantId, name: 'Kwame' }

/** A small deterministic PRNG, so a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('who may write into a column', () => {
  const locked = { locked: true, step: 0, activeColumns: ['waarden'] as ColumnId[] }

  it('keeps participants to the step while the others are locked, and no one else', () => {
    expect(mayWriteTo(locked, 'participant', 'waarden')).toBe(true)
    expect(mayWriteTo(locked, 'participant', 'relaties')).toBe(false)
    expect(mayWriteTo(locked, 'facilitator', 'relaties')).toBe(true)
    expect(mayWriteTo({ ...locked, locked: false }, 'participant', 'relaties')).toBe(true)
    // Without a step there is nothing to lock to.
    expect(mayWriteTo({ ...locked, step: -1 }, 'participant', 'relaties')).toBe(true)
    expect(mayWriteTo({ ...locked, locked: false }, 'viewer', 'waarden')).toBe(false)
  })
})

describe('vote eligibility', () => {
  it('refuses a dot exactly when castVote does, whatever was voted before', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = prng(seed)
      const doc = createMapDoc()
      const notes = Array.from({ length: 3 }, (_, i) =>
        addNote(doc, { id: newNoteId(), column: 'waarden', text: `n${i}`, author: marga }),
      )
      const rules: VoteRules = {
        round: 1,
        dots: 1 + Math.floor(random() * 3),
        onePerNote: random() < 0.5,
      }
      for (let step = 0; step < 8; step++) {
        const person = random() < 0.5 ? marga : kwame
        const note = notes[Math.floor(random() * notes.length)]!
        const asked = voteRefusal(rules, dotsOf(doc, rules), person.id, note)
        expect(castVote(doc, rules, person.id, note), `seed ${seed}, step ${step}`).toBe(asked)
      }
    }
  })

  it('says one per note before no dots left, and counts dots left per person', () => {
    const note = 'note-0000001' as NoteId
    const other = 'note-0000002' as NoteId
    const dots = [{ participantId: marga.id, slot: 0, noteId: note }]
    const rules: VoteRules = { round: 1, dots: 1, onePerNote: true }
    expect(voteRefusal(rules, dots, marga.id, note)).toBe('one-per-note')
    expect(voteRefusal(rules, dots, marga.id, other)).toBe('no-dots-left')
    expect(voteRefusal(rules, dots, kwame.id, note)).toBeNull()
    expect(dotsLeft(rules, dots, marga.id)).toBe(0)
    expect(dotsLeft({ ...rules, dots: 3 }, dots, kwame.id)).toBe(3)
    expect(dotsOn(dots, note, marga.id)).toEqual({ mine: 1, total: 1 })
    expect(dotsOn(dots, note, kwame.id)).toEqual({ mine: 0, total: 1 })
    expect(dotsOn(dots, other, null)).toEqual({ mine: 0, total: 0 })
  })
})

describe('how far the room is', () => {
  const here = (participant: Participant, drafts: number, clientId: number): PresentPerson => ({
    clientId,
    participant,
    isMe: false,
    ready: null,
    drafts,
  })

  it('counts people writing and people who voted, each once however many devices', () => {
    const presence = [here(marga, 0, 1), here(marga, 2, 2), here(kwame, 0, 3)]
    const dots = [
      { participantId: kwame.id, slot: 0, noteId: 'note-0000001' as NoteId },
      { participantId: kwame.id, slot: 1, noteId: 'note-0000002' as NoteId },
      // Someone who voted and left is not one of the people here.
      { participantId: 'gone-0000001' as ParticipantId, slot: 0, noteId: 'note-0000001' as NoteId },
    ]
    expect(roomWork(presence, dots)).toEqual({ people: 2, writing: 1, voted: 1 })
    expect(roomWork([], [])).toEqual({ people: 0, writing: 0, voted: 0 })
  })
})

describe('ready counts', () => {
  const control = { readyRound: 2, step: 1 }
  const person = (
    participant: Participant,
    ready: ReadyMark | null,
    isMe = false,
    clientId = 1,
  ): PresentPerson => ({ clientId, participant, isMe, ready, drafts: 0 })

  it('counts each person once, even on two devices, and ignores answers of another round', () => {
    const counts = readyCounts(
      [
        person(marga, { round: 2, step: 1, status: 'klaar' }, true, 1),
        person(marga, null, false, 2),
        person(kwame, { round: 1, step: 1, status: 'pas' }, false, 3),
      ],
      control,
    )
    expect(counts).toEqual({ done: 1, passed: 0, total: 2, mine: 'klaar' })
  })

  it('counts a pass, and knows this device has not answered', () => {
    const counts = readyCounts(
      [
        person(marga, null, true, 1),
        person(kwame, { round: 2, step: 1, status: 'pas' }, false, 2),
        person(kwame, { round: 2, step: 3, status: 'klaar' }, false, 3),
      ],
      control,
    )
    expect(counts).toEqual({ done: 0, passed: 1, total: 2, mine: null })
  })
})

describe('the golden thread shown', () => {
  function linkedMap() {
    const doc = createMapDoc()
    const action = addNote(doc, { id: newNoteId(), column: 'acties', text: 'a', author: marga })
    const served = addNote(doc, {
      id: newNoteId(),
      column: servedColumns(PARTNERSHIP_BOARD, 'acties')[0]!,
      text: 'b',
      author: marga,
    })
    const alone = addNote(doc, { id: newNoteId(), column: 'waarden', text: 'c', author: marga })
    setLink(doc, action, served, true)
    return { view: viewMap(doc), action, served, alone }
  }

  function inputs(change: Partial<ThreadInputs> & { shared?: NoteId | null }): ThreadInputs {
    const { shared = null, ...rest } = change
    const control: ControlView = { ...viewControl(createControlDoc()), follow: true }
    return {
      threadNote: null,
      control: { ...control, threadNote: shared },
      level: 'participant',
      followPaused: false,
      view: linkedMap().view,
      ...rest,
    }
  }

  it("shows one's own choice first, else the facilitator's on a screen that follows", () => {
    const { view, action, served, alone } = linkedMap()
    expect(threadShown(inputs({ view, threadNote: action }))).toEqual(new Set([action, served]))
    expect(threadShown(inputs({ view, shared: served }))).toEqual(new Set([action, served]))
    expect(threadShown(inputs({ view, threadNote: alone, shared: served }))).toEqual(
      new Set([alone]),
    )
    expect(threadShown(inputs({ view, shared: served, followPaused: true }))).toBeNull()
    expect(
      threadShown(inputs({ view, shared: served, followPaused: true, level: 'viewer' })),
    ).not.toBeNull()
    expect(threadShown(inputs({ view, shared: served, level: 'facilitator' }))).toBeNull()
  })

  it('shows nothing for a note that is gone, and tells equal threads apart from others', () => {
    const { view, action, served } = linkedMap()
    expect(threadShown(inputs({ view, threadNote: 'gone-0000001' as NoteId }))).toBeNull()
    expect(sameThread(new Set([action, served]), new Set([served, action]))).toBe(true)
    expect(sameThread(new Set([action]), new Set([served]))).toBe(false)
    expect(sameThread(null, null)).toBe(true)
    expect(sameThread(null, new Set([action]))).toBe(false)
  })
})

describe('titleState', () => {
  const state = (title: string, synced: boolean, status: ConnectionStatus) => ({
    view: { meta: { title } },
    synced,
    connection: { status },
  })

  it('waits for the title until the map has come from the server', () => {
    expect(titleState(state('', false, 'connecting'))).toBe('coming')
    // Connected but not yet synced counts as reconnecting: still on its way.
    expect(titleState(state('', false, 'reconnecting'))).toBe('coming')
    expect(titleState(state('', true, 'connected'))).toBe('untitled')
    // Synced once, a dropped connection does not make an untitled map "loading" again.
    expect(titleState(state('', true, 'reconnecting'))).toBe('untitled')
    expect(titleState(state('', true, 'offline'))).toBe('untitled')
  })

  it('has it once there is a title, and does not call a map it never got "new"', () => {
    expect(titleState(state('Samenspel', false, 'connecting'))).toBe('known')
    expect(titleState(state('Samenspel', false, 'offline'))).toBe('known')
    expect(titleState(state('', false, 'offline'))).toBe('offline')
    expect(titleState(state('', false, 'refused'))).toBe('unknown')
  })
})
