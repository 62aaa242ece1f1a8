import type { Translate } from '../../i18n'
import {
  takesHolds,
  valueSides,
  type Board,
  type Note,
  type NoteId,
  type Participant,
  type ParticipantId,
} from '../../map'

/** Whether a value is shared, and otherwise which side holds it so far. */
export type ValueShare = 'shared' | 'formal' | 'informal' | 'none'

/**
 * One rule for "gedeeld", on the board, the big screen and on paper: a value is shared when the
 * group marked it so, or when both sides hold it. Only then is it never "of one side".
 */
export function valueShare(
  note: Note,
  agreed: boolean,
  participants: readonly Participant[],
  holders: readonly ParticipantId[],
): ValueShare {
  if (agreed) return 'shared'
  const sides = valueSides([note], participants, new Map([[note.id, holders]])).get(note.id)!
  if (sides.size === 2) return 'shared'
  if (sides.has('formal')) return 'formal'
  if (sides.has('informal')) return 'informal'
  return 'none'
}

/** The share of every value in a column, by the same rule. */
export function valueShares(
  board: Board,
  notes: readonly Note[],
  agreed: ReadonlySet<string>,
  participants: readonly Participant[],
  holders: ReadonlyMap<NoteId, readonly ParticipantId[]>,
): Map<NoteId, ValueShare> {
  const shares = new Map<NoteId, ValueShare>()
  for (const note of notes) {
    if (!takesHolds(board, note.column)) continue
    shares.set(
      note.id,
      valueShare(note, agreed.has(note.id), participants, holders.get(note.id) ?? []),
    )
  }
  return shares
}

/** The share as the card and the PDF say it; empty when nobody holds the value yet. */
export function valueShareText(t: Translate, share: ValueShare): string {
  switch (share) {
    case 'shared':
      return t('agreed.badge')
    case 'formal':
      return t('values.heldByFormal')
    case 'informal':
      return t('values.heldByInformal')
    case 'none':
      return ''
  }
}
