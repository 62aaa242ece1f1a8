/** The facilitation document: its shape (schema), its writers (ops) and its plain view. */
export * from './schema'
export * from './ops'
export { EMPTY_CONTROL, observeControl, viewControl } from './view'
