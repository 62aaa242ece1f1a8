/**
 * Kinds of board as data. A board is its columns in fill order and what each column does: which
 * column it serves on the golden thread, whether its notes carry an owner (who does it, and
 * when), whether people can say a note is theirs too. Everything that used to single out "the
 * values column" or "the actions column" asks the definition instead, so another kind of board
 * is a definition here and its texts in `src/i18n` (`column.<id>`, `columnQuestions.<id>`,
 * `ref.<id>`, `thread.question.<id>`), not edits across the app.
 */

export interface ColumnDefinition<Id extends string = string> {
  readonly id: Id
  /**
   * The columns this one's notes serve on the golden thread, the main one first (relations serve
   * values, ..., actions serve conditions; conditions serve the requirements and also keep the
   * relations going); none for the column the thread starts from.
   */
  readonly serves: readonly Id[]
  /** Its notes say who does it and when (the actions). */
  readonly owners: boolean
  /** People can say of a note "mine too" (the values), for the balance of voices. */
  readonly holds: boolean
  /**
   * Its notes can be tagged with the layer where collaboration gets stuck (samenwerken,
   * samenspel, omgaan met verandering): the conditions.
   */
  readonly layers: boolean
  /**
   * The letter of the labels its notes get when they are written here ("W2"): the card's own,
   * the same in every language, and kept by the note wherever it moves.
   */
  readonly letter: string
}

export interface BoardDefinition<Id extends string = string> {
  /** Stored in the map's `meta.board`; a working form's names it in the facilitation's `form`. */
  readonly kind: string
  /** In fill order: step 1 first. The printed card shows them the other way round. */
  readonly columns: readonly ColumnDefinition<Id>[]
  /**
   * A board that runs its own steps, whatever the map's direction and tempo: the task sorting
   * gathers tasks on the pile first, then sorts them from the pile into the others.
   */
  readonly steps?: readonly (readonly Id[])[]
  /**
   * Shown in fill order, left to right (a working form); the card itself shows its steps the
   * other way round.
   */
  readonly leftToRight?: boolean
  /**
   * Working forms the group can run beside this board, in the same map: their notes live in
   * the map's document with the board's own, on a board of their own columns, and can be taken
   * to this board's columns.
   */
  readonly forms?: readonly BoardDefinition<Id>[]
}

/**
 * "Taak voor mij, taak voor jou" (a round table of the method): the group lays out tasks, then
 * sorts them into what is typically volunteer work, typically professional, done by both, and
 * the pile where they doubt or disagree. Every task's label has the same letter, so it keeps its
 * name from pile to pile.
 */
export const TASK_BOARD = {
  kind: 'taakverdeling',
  leftToRight: true,
  steps: [['taken'], ['taken', 'vrijwilligerswerk', 'professioneel', 'beide', 'twijfel']],
  columns: [
    { id: 'taken', serves: [], owners: false, holds: false, layers: false, letter: 'T' },
    {
      id: 'vrijwilligerswerk',
      serves: [],
      owners: false,
      holds: false,
      layers: false,
      letter: 'T',
    },
    { id: 'professioneel', serves: [], owners: false, holds: false, layers: false, letter: 'T' },
    { id: 'beide', serves: [], owners: false, holds: false, layers: false, letter: 'T' },
    { id: 'twijfel', serves: [], owners: false, holds: false, layers: false, letter: 'T' },
  ],
} as const satisfies BoardDefinition

/** The partnership card: filled from values (right on the card) to actions (left). */
export const PARTNERSHIP_BOARD = {
  kind: 'partnerschapskaart',
  columns: [
    { id: 'waarden', serves: [], owners: false, holds: true, layers: false, letter: 'W' },
    {
      id: 'relaties',
      serves: ['waarden'],
      owners: false,
      holds: false,
      layers: false,
      letter: 'R',
    },
    { id: 'eisen', serves: ['relaties'], owners: false, holds: false, layers: false, letter: 'E' },
    // "om het vereiste handelen te kunnen uitvoeren en om de relaties te onderhouden"
    {
      id: 'voorwaarden',
      serves: ['eisen', 'relaties'],
      owners: false,
      holds: false,
      layers: true,
      letter: 'V',
    },
    {
      id: 'acties',
      serves: ['voorwaarden'],
      owners: true,
      holds: false,
      layers: false,
      letter: 'A',
    },
  ],
  forms: [TASK_BOARD],
} as const satisfies BoardDefinition

/** Every kind of board there is; a map names its own in `meta.board`. */
export const BOARDS = [PARTNERSHIP_BOARD] as const satisfies readonly BoardDefinition[]

/** The board of maps that name none (made before boards were data). */
export const DEFAULT_BOARD: BoardDefinition<ColumnId> = PARTNERSHIP_BOARD

/** Every working form any board runs beside it. */
export const FORMS = [TASK_BOARD] as const satisfies readonly BoardDefinition[]

export type BoardKind = (typeof BOARDS)[number]['kind']
/** A working form's kind, as the facilitation's `form` names it. */
export type FormKind = (typeof FORMS)[number]['kind']
/** A column of any board or working form. */
export type ColumnId =
  (typeof BOARDS)[number]['columns'][number]['id'] | (typeof FORMS)[number]['columns'][number]['id']

/** Every column id of every board and working form, each once. */
export const ALL_COLUMN_IDS: readonly ColumnId[] = [
  ...new Set([...BOARDS, ...FORMS].flatMap((board) => board.columns.map((column) => column.id))),
]

/** The most steps any board or working form has: the facilitation's step index stays below it. */
export const MAX_COLUMNS = Math.max(...[...BOARDS, ...FORMS].map((board) => board.columns.length))

export function isBoardKind(value: unknown): value is BoardKind {
  return BOARDS.some((board) => board.kind === value)
}

export function isFormKind(value: unknown): value is FormKind {
  return FORMS.some((form) => form.kind === value)
}

/** The definition of a board kind; the default board for anything unknown. */
export function boardOf(kind: unknown): BoardDefinition<ColumnId> {
  return BOARDS.find((board) => board.kind === kind) ?? DEFAULT_BOARD
}
