/**
 * The trajectory of a map: the meetings one partnership carries its map through. A third
 * document of the room that only facilitators write; its roots and checks are in
 * `shared/trajectorySchema.ts` (`TRAJECTORY_DOC`). It loads with the trajectory part of the app, never
 * with the map.
 */
export * from './model'
export * from './ops'
export { observeTrajectory, viewTrajectory } from './view'
export { preparationBalance, type PreparationBalance } from './balance'
export { phaseScores, scoreMovement, type MeetingScores, type PhaseScores } from './movement'
