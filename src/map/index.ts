/**
 * The partnership map as a typed Yjs document. This folder is the only place that imports yjs;
 * everything else uses these operations and the plain view.
 */
export { createMapDoc, Origin, type MapDoc } from './doc'
export { newNoteId, newParticipantId, newRoomId } from './ids'
export {
  addNote,
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
  type NewNote,
} from './ops'
export * from './schema'
export { observeMap } from './observe'
export { EMPTY_VIEW, viewMap, type MapView } from './view'
export { EXAMPLE_MAP, fillExampleMap } from './example'
export {
  castVote,
  dotsOf,
  retractVote,
  tally,
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
  setTempo,
  startTimer,
  stepsFor,
  stopTimer,
  TEMPOS,
  timeLeft,
  viewControl,
  type ControlDoc,
  type ControlView,
  type Direction,
  type Tempo,
  type TimerState,
} from './control'
export {
  importMapFile,
  MAP_FILE_FORMAT,
  parseMapFile,
  toMapFile,
  type MapFile,
  type MapFileProblem,
} from './mapFile'
export {
  indexLinks,
  looseEnds,
  numberNotes,
  servedColumn,
  servingColumn,
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
  distribution,
  ownPulse,
  PULSE_SCORES,
  pulseSummary,
  writePulse,
  type PulseEntry,
} from './pulse'
