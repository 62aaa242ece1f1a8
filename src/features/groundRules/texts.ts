import { textBundle } from '../../i18n/bundle'

/** The texts of the group's own ground rules (they load with the panel or the big screen). */
export const groundRuleTexts = textBundle(
  {
    'rules.title': 'Onze spelregels',
    'rules.intro':
      'Wat hebben we nodig om ook ‘ik weet het nog niet’ te durven zeggen? Schrijf het samen op, aan het begin. Het grote scherm laat het steeds zien.',
    'rules.none': 'Nog geen spelregels.',
    'rules.new': 'Nieuwe spelregel',
    'rules.newHint': 'Bijvoorbeeld: We laten elkaar uitpraten.',
    'rules.add': 'Toevoegen',
    'rules.edit': 'Wijzigen',
    'rules.editLabel': 'Spelregel {number} wijzigen',
    'rules.text': 'Spelregel {number}',
    'rules.save': 'Opslaan',
    'rules.cancel': 'Annuleren',
    'rules.remove': 'Weghalen',
    'rules.removeLabel': 'Spelregel {number} weghalen',
    'rules.full': 'Er staan al {max} spelregels. Meer kan niet. Haal eerst een spelregel weg.',
    'rules.tooLong': 'Te lang: maximaal {max} tekens.',
    'rules.removed': 'Weggehaald: “{text}”.',
    'rules.undo': 'Terugzetten',
    'rules.failed': 'Dat lukte niet. Probeer het nog eens.',
  },
  {
    'rules.title': 'Our ground rules',
    'rules.intro':
      'What do we need to dare to say ‘I don’t know yet’? Write it down together, at the start. The big screen keeps showing it.',
    'rules.none': 'No ground rules yet.',
    'rules.new': 'New ground rule',
    'rules.newHint': 'For example: We let each other finish.',
    'rules.add': 'Add',
    'rules.edit': 'Change',
    'rules.editLabel': 'Change ground rule {number}',
    'rules.text': 'Ground rule {number}',
    'rules.save': 'Save',
    'rules.cancel': 'Cancel',
    'rules.remove': 'Remove',
    'rules.removeLabel': 'Remove ground rule {number}',
    'rules.full': 'There are {max} ground rules already. No more fit. Remove one first.',
    'rules.tooLong': 'Too long: at most {max} characters.',
    'rules.removed': 'Removed: “{text}”.',
    'rules.undo': 'Put it back',
    'rules.failed': 'That did not work. Please try again.',
  },
)
