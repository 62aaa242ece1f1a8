import { textBundle } from '../../i18n/bundle'

/** The texts of the join code panel (they load with the share panel and the big screen). */
export const joinCodeTexts = textBundle(
  {
    'code.open': 'Meedoen met code openen',
    'code.close': 'Code sluiten',
    'code.explain': 'De code werkt alleen zolang meedoen met code open staat.',
    'code.howTo': 'Scan de QR-code, of ga naar {address} en vul de code in.',
    'code.qr': 'QR-code om mee te doen met deze kaart',
  },
  {
    'code.open': 'Open joining by code',
    'code.close': 'Close the code',
    'code.explain': 'The code only works while joining by code is open.',
    'code.howTo': 'Scan the QR code, or go to {address} and enter the code.',
    'code.qr': 'QR code to join this map',
  },
)
