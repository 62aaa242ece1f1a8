import { textBundle } from '../../i18n/bundle'

/** The texts of a note's menu (they load when it first opens). */
export const noteMenuTexts = textBundle(
  {
    'menu.back': '← Terug',
    'note.edit': 'Bewerken',
    'note.delete': 'Verwijderen',
    'note.moveTo': 'Verplaats naar…',
    'agreed.mark': 'Markeer als gedeeld',
    'focus.show': 'In de spotlight',
    'values.holdsMine': 'Ook mijn waarde',
  },
  {
    'menu.back': '← Back',
    'note.edit': 'Edit',
    'note.delete': 'Delete',
    'note.moveTo': 'Move to…',
    'agreed.mark': 'Mark as shared',
    'focus.show': 'Spotlight',
    'values.holdsMine': 'My value too',
  },
)
