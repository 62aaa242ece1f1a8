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
