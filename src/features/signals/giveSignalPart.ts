import { lazyPart } from '../shared/lazyPart'

/**
 * The signal button in the bar above the board. Not needed to join or to write, so it loads while
 * the join form shows; arriving after the board, it pushed the board down on a phone.
 */
export const giveSignal = lazyPart(() => import('./Signals').then((m) => m.GiveSignal))
