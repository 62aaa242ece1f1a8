import { textBundle } from '../../i18n/bundle'

/** The texts of the form that writes a note (they load with it). */
export const noteFormTexts = textBundle(
  {
    'note.text': 'Tekst van de notitie',
    'note.cancel': 'Annuleren',
    'note.column': 'Kolom',
    'note.charsLeft': 'Nog {count} tekens',
    'note.tooLong': 'Te lang: maximaal {max} tekens.',
    'note.required': 'Schrijf eerst iets op.',
    'note.saveHint': 'Enter bewaart, Shift+Enter voor een nieuwe regel, Esc annuleert.',
    'owner.required': 'Kies wie het doet: ik, wij of anderen.',
    'owner.name': 'Wie precies (niet verplicht)',
    'owner.when': 'Wanneer (niet verplicht)',
    'owner.whenHint': 'Kort, bijvoorbeeld ‘vóór 1 maart’ (hooguit {max} tekens).',
    'proxy.toggle': 'Ik schrijf dit op voor iemand zonder telefoon of laptop',
    'proxy.name': 'Naam van die persoon (mag leeg blijven)',
    'proxy.role': 'Rol van die persoon',
  },
  {
    'note.text': 'Text of the note',
    'note.cancel': 'Cancel',
    'note.column': 'Column',
    'note.charsLeft': '{count} characters left',
    'note.tooLong': 'Too long: at most {max} characters.',
    'note.required': 'Write something first.',
    'note.saveHint': 'Enter saves, Shift+Enter for a new line, Esc cancels.',
    'owner.required': 'Choose who does it: me, us or others.',
    'owner.name': 'Who exactly (optional)',
    'owner.when': 'When (optional)',
    'owner.whenHint': 'Short, for example ‘before 1 March’ (at most {max} characters).',
    'proxy.toggle': 'I am writing this down for someone without a phone or laptop',
    'proxy.name': 'Name of that person (may stay empty)',
    'proxy.role': 'Role of that person',
  },
)
