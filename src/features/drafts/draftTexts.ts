import { textBundle } from '../../i18n/bundle'

/** The texts of one's private drafts (they load with them). */
export const draftTexts = textBundle(
  {
    'drafts.title': 'Jouw concepten (alleen jij ziet ze)',
    'drafts.badge': 'Privé',
    'drafts.remove': 'Weghalen',
    'drafts.removeLabel': 'Concept weghalen: {text}',
  },
  {
    'drafts.title': 'Your drafts (only you see them)',
    'drafts.badge': 'Private',
    'drafts.remove': 'Remove',
    'drafts.removeLabel': 'Remove draft: {text}',
  },
)
