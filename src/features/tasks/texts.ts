import { textBundle } from '../../i18n/bundle'

/** The texts of "Taak voor mij, taak voor jou" (they load when the task board is used). */
export const taskTexts = textBundle(
  {
    'tasks.start': 'Taak voor mij, taak voor jou',
    'tasks.startHelp':
      'Samen taken sorteren: wat is typisch vrijwilligerswerk, wat typisch professioneel, wat kunnen allebei? Waar twijfel of verschil van mening is, komt op een eigen stapel.',
    'tasks.open': 'Taken sorteren',
    'tasks.end': 'Terug naar de kaart',
    'tasks.running': 'Op alle schermen: taken sorteren.',
    'deck.open': 'Voorbeeldtaken…',
    'deck.title': 'Voorbeeldtaken',
    'deck.intro':
      'Voorbeelden van taken van vrijwilligers en professionals. Pas ze aan, haal weg wat niet past, en voeg eigen taken toe.',
    'deck.task': 'Taak {number}',
    'deck.remove': 'Taak {number} weghalen',
    'deck.add': 'Taak toevoegen',
    'deck.lay': 'Op de stapel leggen ({count})',
    'deck.cancel': 'Annuleren',
    'deck.done': '{count} taken liggen op de stapel.',
    'toMap.menu': 'Op de kaart zetten bij {column}',
    'toMap.tag': 'Op de kaart: {label}',
    'toMap.gone': 'Stond op de kaart (weggehaald)',
    'toMap.done': 'Op de kaart gezet als {label}.',
    'sheet.label': 'Wat je ziet',
    'sheet.map': 'De kaart',
    'sheet.tasks': 'Taak voor mij, taak voor jou ({count})',
    'sheet.groupHere': 'De groep is hier',
  },
  {
    'tasks.start': 'A task for me, a task for you',
    'tasks.startHelp':
      'Sort tasks together: what is typically volunteer work, what typically professional, what can both do? Where you doubt or disagree, it goes on a pile of its own.',
    'tasks.open': 'Sort tasks',
    'tasks.end': 'Back to the map',
    'tasks.running': 'On every screen: sorting tasks.',
    'deck.open': 'Example tasks…',
    'deck.title': 'Example tasks',
    'deck.intro':
      'Examples of tasks of volunteers and professionals. Change them, remove what does not fit, and add your own.',
    'deck.task': 'Task {number}',
    'deck.remove': 'Remove task {number}',
    'deck.add': 'Add a task',
    'deck.lay': 'Put on the pile ({count})',
    'deck.cancel': 'Cancel',
    'deck.done': '{count} tasks are on the pile.',
    'toMap.menu': 'Put on the map under {column}',
    'toMap.tag': 'On the map: {label}',
    'toMap.gone': 'Was on the map (removed)',
    'toMap.done': 'Put on the map as {label}.',
    'sheet.label': 'What you see',
    'sheet.map': 'The map',
    'sheet.tasks': 'A task for me, a task for you ({count})',
    'sheet.groupHere': 'The group is here',
  },
)
