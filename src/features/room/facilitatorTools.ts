/**
 * What only a facilitator's screen shows, in one chunk that loads when a facilitator opens a map:
 * participants joining from a phone never download it.
 */
export { FacilitatorBar } from '../facilitation/FacilitatorBar'
export { BalancePanel } from '../voices/BalancePanel'
export { DeleteMap } from './DeleteMap'
export { MapDetailsForm } from './MapDetailsForm'
