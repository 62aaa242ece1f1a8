import { useState } from 'react'
import { useT } from '../../i18n'
import { noteMenuTexts } from './noteMenuTexts'
import { threadTexts } from '../thread/threadTexts'
import {
  cardOrder,
  LAYERS,
  servedColumns,
  sheetOf,
  stepOf,
  takesHolds,
  takesLayers,
  type ColumnId,
  type Note,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { mayWriteTo } from '../../store/selectors'
import type { MenuControls } from '../shared/Menu'
import { MenuList, type MenuItem } from '../shared/MenuList'
import { useMyHold, useValueShare } from '../voices/useValueShare'
import { useTexts } from '../../i18n/bundle'
import { downloadLookBack } from '../followup/calendar'
import { followUpTexts } from '../followup/texts'
import { powerTexts } from '../power/texts'
import { layerTexts } from '../layers/texts'
import { taskTexts } from '../tasks/texts'
import { mapTargets } from '../../map/tasks'

export interface NoteActionsProps {
  note: Note
  editable: boolean
  onEdit(): void
  /** An action's status, day to look again and evaluation. */
  onFollowUp(): void
  /** An action's power: who carries it, decides on it, has the means. */
  onPower(): void
  onLink(): void
  onDelete(): void
  /** After the note went to another column: where keyboard users stay. */
  onMoved(from: ColumnId): void
}

type ItemProps = NoteActionsProps & { controls: MenuControls }

/*
 * Loaded when a note's menu first opens (see NoteMenu): the board does not need it to show.
 */

/**
 * Everything one can do with a note: edit, move to another column, show or link its thread,
 * "ook mijn waarde", and for the facilitator the spotlight and the shared mark. What one may not
 * do is not offered.
 */
export function NoteMenuItems({
  note,
  editable,
  controls,
  onEdit,
  onFollowUp,
  onPower,
  onLink,
  onDelete,
  onMoved,
}: ItemProps) {
  const t = useT()
  const mt = useTexts(noteMenuTexts)
  const tt = useTexts(threadTexts)
  const ft = useTexts(followUpTexts)
  const pt = useTexts(powerTexts)
  const lt = useTexts(layerTexts)
  const kt = useTexts(taskTexts)
  const title = useRoom((state) => state.view.meta.title)
  const [page, setPage] = useState<'main' | 'move' | 'layer'>('main')
  const level = useRoom((state) => state.level)
  const mapBoard = useRoom((state) => state.view.board)
  // The board the note is on: the map, or a working form (a task is moved among its piles).
  const board = sheetOf(mapBoard, note.column) ?? mapBoard
  const onMap = useRoom((state) => (note.onMap ? state.view.notes.has(note.onMap) : false))
  const control = useRoom((state) => state.control)
  const threadShown = useRoom((state) => state.threadNote === note.id)
  const hold = useMyHold(note)
  const share = useValueShare(note)

  const focused = control.focusNote === note.id
  const agreed = control.agreed.has(note.id)
  const isValue = takesHolds(board, note.column)
  const targets = editable
    ? cardOrder(board).filter(
        (column) => column !== note.column && mayWriteTo(control, level, column),
      )
    : []
  const linkTargets = servedColumns(board, note.column)
  const room = () => useRoom.getState()

  const main: MenuItem[] = []
  if (editable) main.push({ key: 'edit', label: mt('note.edit'), onSelect: onEdit })
  if (note.followUp) {
    // Following up is not writing into a column: it stays open when the column is locked.
    main.push({ key: 'followUp', label: ft('menu.followUp'), onSelect: onFollowUp })
    if (note.followUp.lookAgain) {
      main.push({
        key: 'calendar',
        label: ft('menu.calendar'),
        onSelect: () => void downloadLookBack(ft, note, title),
      })
    }
  }
  if (editable && takesLayers(board, note.column)) {
    main.push({
      key: 'layer',
      label: lt('layer.menu'),
      opensPage: true,
      onSelect: () => setPage('layer'),
    })
  }
  if (editable && note.power) {
    main.push({ key: 'power', label: pt('power.menu'), onSelect: onPower })
  }
  if (targets.length > 0) {
    main.push({
      key: 'move',
      label: mt('note.moveTo'),
      opensPage: true,
      onSelect: () => setPage('move'),
    })
  }
  // A sorted task goes to the map once: the doubts as something to talk about, agreed tasks as
  // actions.
  if (board !== mapBoard && !onMap && level !== 'viewer') {
    for (const column of mapTargets(note.column)) {
      if (!mayWriteTo(control, level, column)) continue
      main.push({
        key: `toMap-${column}`,
        label: kt('toMap.menu', { column: t(`column.${column}`) }),
        onSelect: () => void room().takeToMap(note.id, column),
      })
    }
  }
  if (board === mapBoard)
    main.push({
      key: 'thread',
      label: tt(threadShown ? 'thread.hide' : 'thread.show'),
      checked: threadShown,
      onSelect: () => room().selectThread(threadShown ? null : note.id),
    })
  if (editable && linkTargets.length > 0) {
    const columns = linkTargets.map((column) => t(`column.${column}`))
    main.push({
      key: 'link',
      label: tt('thread.linkTo', {
        column: new Intl.ListFormat(t.lang, { type: 'disjunction' }).format(columns),
      }),
      onSelect: onLink,
    })
  }
  if (hold.may) {
    main.push({
      key: 'holds',
      label: mt('values.holdsMine'),
      checked: hold.mine,
      onSelect: () => room().setHolds(note.id, !hold.mine),
    })
  }
  if (level === 'facilitator') {
    main.push({
      key: 'focus',
      label: mt('focus.show'),
      checked: focused,
      onSelect: () => room().setFocusNote(focused ? null : note.id),
    })
    // "Gedeeld" is about values: a shared value is where a win-win begins. One both sides hold
    // is shared already (see valueShare); marking it would change nothing.
    if (editable && isValue && (agreed || share !== 'shared')) {
      main.push({
        key: 'agreed',
        label: mt('agreed.mark'),
        checked: agreed,
        onSelect: () => room().setAgreed(note.id, !agreed),
      })
    }
  }
  if (editable)
    main.push({ key: 'delete', label: mt('note.delete'), danger: true, onSelect: onDelete })

  const move: MenuItem[] = [
    ...targets.map((column) => ({
      key: `to-${column}`,
      // A working form's piles are no steps of the card: no number.
      label:
        board === mapBoard
          ? `${stepOf(board, column)}. ${t(`column.${column}`)}`
          : t(`column.${column}`),
      onSelect: () => {
        const state = room()
        state.moveNote(note.id, column, state.view.columns[column].length)
        onMoved(note.column)
      },
    })),
    { key: 'back', label: mt('menu.back'), opensPage: true, onSelect: () => setPage('main') },
  ]

  const layers: MenuItem[] = [
    ...[...LAYERS, null].map((layer) => ({
      key: `layer-${layer ?? 'none'}`,
      label: lt(layer ? `layer.${layer}` : 'layer.none'),
      checked: note.layer === layer,
      onSelect: () => void room().setLayer(note.id, layer),
    })),
    { key: 'back', label: mt('menu.back'), opensPage: true, onSelect: () => setPage('main') },
  ]
  const pages = { main, move, layer: layers }

  return (
    <MenuList
      controls={controls}
      items={pages[page]}
      page={page}
      onBack={page === 'main' ? undefined : () => setPage('main')}
    />
  )
}
