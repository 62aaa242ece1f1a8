import { textBundle } from '../../i18n/bundle'

/** The texts of the facilitator's closing menu after the last step. */
export const closingTexts = textBundle(
  {
    'closing.open': 'Afronden',
    'closing.title': 'Afronden',
    'closing.intro': 'Dit is de laatste stap. Zo ronden jullie af:',
    'closing.pulse': 'Ronde aan het eind (hoofd, hart, buik)',
    'closing.pdf': 'De afspraken bewaren als PDF',
    'closing.next':
      'Spreek samen af wanneer jullie de afspraken terugzien, en wie de volgende keer voorbereidt.',
  },
  {
    'closing.open': 'Close the session',
    'closing.title': 'Closing the session',
    'closing.intro': 'This is the last step. This is how you close:',
    'closing.pulse': 'Closing round (head, heart, gut)',
    'closing.pdf': 'Save the agreements as a PDF',
    'closing.next':
      'Agree together when you will look at the agreements again, and who prepares the next meeting.',
  },
)

/** The texts of the facilitator's bar: only a facilitator loads it. */
export const facilitatorTexts = textBundle(
  {
    'facilitation.title': 'Begeleiden',
    'facilitation.youFacilitate': 'Je begeleidt deze kaart.',
    'facilitation.start': 'Start met stap {step}',
    'facilitation.previous': 'Vorige stap',
    'facilitation.next': 'Volgende stap',
    'facilitation.free': 'Alle kolommen open',
    'facilitation.direction': 'Richting',
    'facilitation.fromValues': 'Van rechts naar links (begin bij Waarden)',
    'facilitation.fromActions': 'Van links naar rechts (begin bij Acties)',
    'facilitation.tempo': 'Tempo',
    'facilitation.ruim': 'Ruim: elke stap apart',
    'facilitation.kort': 'Kort: eerst stap {first}, dan {from} t/m {to} samen',
    'facilitation.lock': 'Andere kolommen op slot',
    'facilitation.follow': 'Iedereen volgt mijn stap',
    'facilitation.timer': 'Timer',
    'facilitation.minutes': 'Minuten',
    'facilitation.timerStart': 'Start timer',
    'facilitation.timerPause': 'Pauze',
    'facilitation.timerResume': 'Verder',
    'facilitation.timerExtend': '+1 minuut',
    'facilitation.timerStop': 'Stop timer',
    'facilitation.activities': 'Activiteiten',
    'facilitation.activitiesClose': 'Menu sluiten',
    'facilitation.steps': 'Stappen',
  },
  {
    'facilitation.title': 'Facilitate',
    'facilitation.youFacilitate': 'You facilitate this map.',
    'facilitation.start': 'Start with step {step}',
    'facilitation.previous': 'Previous step',
    'facilitation.next': 'Next step',
    'facilitation.free': 'All columns open',
    'facilitation.direction': 'Direction',
    'facilitation.fromValues': 'Right to left (start at Values)',
    'facilitation.fromActions': 'Left to right (start at Actions)',
    'facilitation.tempo': 'Tempo',
    'facilitation.ruim': 'Full: each step on its own',
    'facilitation.kort': 'Short: step {first} first, then {from} to {to} together',
    'facilitation.lock': 'Lock the other columns',
    'facilitation.follow': 'Everyone follows my step',
    'facilitation.timer': 'Timer',
    'facilitation.minutes': 'Minutes',
    'facilitation.timerStart': 'Start timer',
    'facilitation.timerPause': 'Pause',
    'facilitation.timerResume': 'Resume',
    'facilitation.timerExtend': '+1 minute',
    'facilitation.timerStop': 'Stop timer',
    'facilitation.activities': 'Activities',
    'facilitation.activitiesClose': 'Close menu',
    'facilitation.steps': 'Steps',
  },
)
