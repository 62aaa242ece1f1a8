import { lazyPart } from '../shared/lazyPart'

// What a room page shows after its first screen, loading early so it is there when needed.

/** The board and what comes with it, loading while someone fills in the join form. */
export const joinedRoom = lazyPart(() => import('./JoinedRoom').then((m) => m.JoinedRoom))

/** A facilitator's tools (the bar above the board, and the panel's parts that use them). */
export const facilitatorTools = () => import('./facilitatorTools')

/** The facilitator's bar, loading while they fill in the join form. */
export const facilitatorBar = lazyPart(() => facilitatorTools().then((m) => m.FacilitatorBar))
