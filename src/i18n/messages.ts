import type { nl } from './nl'

type Widen<T> = T extends readonly string[] ? readonly string[] : string

/** The shape every language must fill: the Dutch keys, with any text in their place. */
export type Messages = { readonly [K in keyof typeof nl]: Widen<(typeof nl)[K]> }

export type MessageKey = keyof Messages
/** Keys whose value is one text. */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey]
/** Keys whose value is a list of texts (e.g. a column's guiding questions). */
export type ListKey = Exclude<MessageKey, TextKey>
