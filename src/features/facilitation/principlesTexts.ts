import { textBundle } from '../../i18n/bundle'

/**
 * The card's four principles in its own words, under its own heading; they load with the big
 * screen and the PDF, which show them, not with the first page.
 */
export const principlesTexts = textBundle(
  {
    'principles.title': 'Houd bij alle stappen in de gaten dat:',
    'principles.dialogue': 'Het gaat om dialoog.',
    'principles.reciprocity': 'Het gaat om wederkerigheid.',
    'principles.participation': 'Deelnemers helpen elkaar om actief deel te nemen.',
    'principles.winwin':
      'Partners kunnen best verschillende waarden hebben. De vraag is: hoe creëer je een win-win situatie?',
  },
  {
    'principles.title': 'At every step, keep in mind that:',
    'principles.dialogue': 'It is about dialogue.',
    'principles.reciprocity': 'It is about reciprocity.',
    'principles.participation': 'Participants help each other to take part actively.',
    'principles.winwin':
      'Partners may well hold different values. The question is: how do you create a win-win situation?',
  },
)
