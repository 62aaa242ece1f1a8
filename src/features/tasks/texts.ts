import { textBundle } from '../../i18n/bundle'

/** The texts of "Taak voor mij, taak voor jou" (they load when the task board is used). */
export const taskTexts = textBundle(
  {
    'tasks.startHelp':
      'Sorteer samen de taken. Wat doen vooral vrijwilligers? Wat doen vooral beroepskrachten? Wat kunnen ze allebei? Twijfel je, of denken jullie er anders over? Leg de taak dan op een aparte stapel.',
    'tasks.open': 'Taken sorteren',
    'tasks.end': 'Terug naar de kaart',
    'deck.open': 'Voorbeeldtaken…',
    'deck.title': 'Voorbeeldtaken',
    'deck.intro':
      'Voorbeelden van taken van vrijwilligers en beroepskrachten. Pas ze aan, haal weg wat niet past, en voeg eigen taken toe.',
    'deck.allLaid': 'Alle voorbeeldtaken liggen al op het bord. Voeg hier eigen taken toe.',
    'deck.task': 'Taak {number}',
    'deck.remove': 'Taak {number} weghalen',
    'deck.add': 'Taak toevoegen',
    'deck.lay': 'Op de stapel leggen ({count})',
    'deck.cancel': 'Annuleren',
    'deck.done': '{count} taken liggen op de stapel.',
    'toMap.menu': 'Op de kaart zetten bij {column}',
    'toMap.tag': 'Op de kaart: {label}',
    'toMap.gone': 'Stond op de kaart (weggehaald)',
    'sheet.label': 'Wat je ziet',
    'sheet.map': 'De kaart',
    'sheet.tasks': 'Taak voor mij, taak voor jou ({count})',
    'sheet.groupHere': 'De groep is hier',
  },
  {
    'tasks.startHelp':
      'Sort the tasks together. What do mostly volunteers do? What do mostly professionals do? What can both do? In doubt, or do you disagree? Then put the task on a pile of its own.',
    'tasks.open': 'Sort tasks',
    'tasks.end': 'Back to the map',
    'deck.open': 'Example tasks…',
    'deck.title': 'Example tasks',
    'deck.intro':
      'Examples of tasks of volunteers and professionals. Change them, remove what does not fit, and add your own.',
    'deck.allLaid': 'Every example task is on the board already. Add your own here.',
    'deck.task': 'Task {number}',
    'deck.remove': 'Remove task {number}',
    'deck.add': 'Add a task',
    'deck.lay': 'Put on the pile ({count})',
    'deck.cancel': 'Cancel',
    'deck.done': '{count} tasks are on the pile.',
    'toMap.menu': 'Put on the map under {column}',
    'toMap.tag': 'On the map: {label}',
    'toMap.gone': 'Was on the map (removed)',
    'sheet.label': 'What you see',
    'sheet.map': 'The map',
    'sheet.tasks': 'A task for me, a task for you ({count})',
    'sheet.groupHere': 'The group is here',
  },
)
