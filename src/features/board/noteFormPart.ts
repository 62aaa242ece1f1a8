import { lazyPart } from '../shared/lazyPart'

/**
 * The form that adds or edits a note: not needed to read the map, so it loads behind the join
 * form (and, for whoever skipped that, once the board shows), and is there by the time someone
 * presses "Notitie toevoegen".
 */
export const noteForm = lazyPart(() => import('./NoteForm').then((m) => m.NoteForm))
