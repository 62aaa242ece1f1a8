import { textBundle } from '../../../i18n/bundle'

/** The texts only the big screen shows (they load with it). */
export const viewerTexts = textBundle(
  {
    'viewer.badge': 'Alleen kijken',
    'viewer.page': 'Blad {page} van {pages}',
    'viewer.more': '+ {count} meer',
    'viewer.moreOne': '+ 1 meer',
    'viewer.spotlight': 'In de spotlight',
    'viewer.ranking': 'Uitslag: de meeste stippen eerst',
    'viewer.rankingEmpty': 'Er zijn geen stippen gegeven.',
    'viewer.rankingMore': 'En nog {count} notities met stippen.',
    'viewer.joinTitle': 'Doe mee met je telefoon',
    'viewer.panels': 'Voor de hele zaal',
  },
  {
    'viewer.badge': 'View only',
    'viewer.page': 'Page {page} of {pages}',
    'viewer.more': '+ {count} more',
    'viewer.moreOne': '+ 1 more',
    'viewer.spotlight': 'In the spotlight',
    'viewer.ranking': 'Result: most dots first',
    'viewer.rankingEmpty': 'No dots were given.',
    'viewer.rankingMore': 'And {count} more notes with dots.',
    'viewer.joinTitle': 'Join with your phone',
    'viewer.panels': 'For the whole room',
  },
)
