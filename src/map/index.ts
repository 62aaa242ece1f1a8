/**
 * The partnership map as a typed Yjs document. This folder is the only place that imports yjs;
 * everything else holds opaque document handles and uses these operations and the plain view.
 *
 * - `board.ts`: kinds of board as data (columns, what each serves, which carry owners)
 * - `schema.ts`: the note, participant and meta types and their parsers, over `shared/schema.ts`
 * - `ops.ts`, `votes.ts`, `threads.ts`, `voices.ts`, `pulse.ts`: the writers, one transaction each
 * - `view.ts`, `observe.ts`: the document as a frozen plain view
 * - `migrate.ts`, `mapFile.ts`: older documents and files brought to the current version
 * - `control/`: the facilitation document, as schema, ops and view
 */
export { createMapDoc, destroyDoc, type MapDoc } from './doc'
export { compareDutch } from './dutchOrder'
export {
  allColumnIds,
  boardOf,
  BOARDS,
  cardOrder,
  carriesOwners,
  columnIds,
  columnOf,
  DEFAULT_BOARD,
  formOf,
  formsOf,
  isCardColumn,
  isFormKind,
  PARTNERSHIP_BOARD,
  sheetOf,
  stepOf,
  TASK_BOARD,
  TASK_DECK,
  takesHolds,
  takesLayers,
  threadEnd,
  threadStart,
  type Board,
  type BoardKind,
  type CardColumn,
  type ColumnDefinition,
  type FormKind,
} from './board'
// `migrate` loads only when a map is older than this app: import it from `map/migrate`.
export { versionOf } from './version'
export { newNoteId, newParticipantId, newRoomId } from './ids'
export {
  addNote,
  addNotes,
  boardOfMap,
  createMap,
  deleteNote,
  editAndMoveNote,
  editNote,
  joinMap,
  MapError,
  moveNote,
  updateMapDetails,
  type MapDetails,
  type MapErrorCode,
  type NewMap,
  type NewNote,
  type NoteChanges,
} from './ops'
export * from './schema'
export { observeMap } from './observe'
export { countStatuses, isOverdue, setFollowUp, today } from './followUp'
// Power's writer and its flag load with the form and the line that use them: import them from
// `map/power`.
export {
  createNoteUndo,
  onNotesRemovedElsewhere,
  undoable,
  type NoteUndo,
  type UndoKind,
  type UndoStatus,
} from './undo'
export { actionsOf, EMPTY_VIEW, viewMap, type MapView } from './view'
export {
  castVote,
  dotsOf,
  retractVote,
  tally,
  voteRefusal,
  type Dot,
  type VoteRefusal,
  type VoteRules,
} from './votes'
export {
  clearVote,
  closeVote,
  openVote,
  resetReady,
  revealDrafts,
  setAgreed,
  setFocusNote,
  setThreadNote,
  setAskNote,
  setShowBalance,
  setPulse,
  setLookBack,
  setShownMeeting,
  setHideRoles,
  setBrainstorm,
  BRAINSTORM_MS,
  setInfluence,
  PULSE_PHASES,
  type PulsePhase,
  setJoinCode,
  setPrivateWriting,
  setSortByVotes,
  type VoteState,
  createControlDoc,
  DIRECTIONS,
  extendTimer,
  goToStep,
  observeControl,
  pauseTimer,
  resumeTimer,
  setDirection,
  setFollow,
  setLocked,
  setForm,
  setTempo,
  startTimer,
  stepsFor,
  stopTimer,
  TEMPOS,
  timeLeft,
  viewControl,
  EMPTY_CONTROL,
  type ControlDoc,
  type ControlView,
  type Direction,
  type Tempo,
  type TimerState,
} from './control'
// The map file's reader and writer load when someone imports or exports (`import('./mapFile')`),
// not with the map: only their types are here.
export type { MapFile, MapFileNoteRef, MapFileProblem } from './mapFile'
export {
  indexLinks,
  looseEnds,
  numberNotes,
  canServe,
  servedColumns,
  servingColumns,
  setLink,
  threadOf,
  threadPaths,
  type Link,
  type LinkIndex,
  type LooseEnds,
} from './threads'
export {
  balanceOf,
  dominantSide,
  MIN_GROUP,
  recordEdit,
  setHolds,
  valueSides,
  type Balance,
  type GroupFigures,
  type StepBalance,
  type Voices,
} from './voices'
export {
  clearPulse,
  distribution,
  ownPulse,
  PULSE_SCORES,
  pulseSummary,
  writePulse,
  type PulseEntry,
} from './pulse'
export {
  clearSignals,
  raiseSignal,
  shownSignals,
  SIGNAL_KINDS,
  SIGNAL_SHOWN_MS,
  type Signal,
  type SignalKind,
} from './signals'
export type { InfluenceAnswer } from './influence'
// The ground rules' writers load with their form (`import('./groundRules')`).
export type { GroundRule } from './groundRules'
// Saved versions load when someone opens one (`import('./versions')`): only their types are here.
export type { ColumnComparison, NoteChange } from './versions'
