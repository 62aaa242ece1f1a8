import { textBundle } from '../../i18n/bundle'

/** What the page says when the server stops the connection for good (loaded when it does). */
export const refusalTexts = textBundle(
  {
    'refusal.storageFailed':
      'De server kan je wijzigingen nu niet bewaren. Wat je doet, blijft op dit apparaat. Het wordt gedeeld zodra de server weer kan opslaan.',
    'refusal.deleted': 'Deze kaart is verwijderd. Ook de kopie op dit apparaat is gewist.',
    'refusal.textTooLong':
      'Een tekst is te lang voor de server. Die wijziging kan niet worden gedeeld.',
    'refusal.tooManyNotes': 'De kaart is vol. Er kunnen geen notities meer bij.',
    'refusal.mapTooBig': 'De kaart is te groot geworden voor de server.',
    'refusal.tooBig': 'Een wijziging was te groot voor de server.',
    'refusal.tooManyMessages':
      'Dit apparaat stuurde te veel berichten tegelijk. Daarom is de verbinding gestopt.',
    'refusal.writeQuota':
      'Vanaf dit netwerk is in het laatste uur heel veel naar de server gestuurd. Wacht even en probeer het dan opnieuw.',
    'refusal.serverFull': 'De server is nu vol. Probeer het over een paar minuten opnieuw.',
    'refusal.malformed':
      'De server begreep een bericht van dit apparaat niet. Daarom is de verbinding gestopt.',
    'refusal.other': 'De server heeft de verbinding gestopt (code {code}).',
    'refusal.retry': 'Opnieuw verbinden',
    'refusal.discard': 'Kaart opnieuw ophalen',
    'refusal.discardHint':
      'Dit haalt de kaart opnieuw op van de server. Wijzigingen van dit apparaat die nog niet gedeeld zijn, gaan dan verloren.',
    'refusal.forbidden':
      'Deze begeleiderslink klopt niet (meer). Vraag de begeleider om een nieuwe.',
    'refusal.unknownMap': 'Deze kaart bestaat niet (meer) op deze server. Controleer de link.',
  },
  {
    'refusal.storageFailed':
      'The server cannot keep your changes right now. What you do stays on this device. It is shared as soon as the server can save again.',
    'refusal.deleted': 'This map has been deleted. The copy on this device has been erased too.',
    'refusal.textTooLong': 'A text is too long for the server. That change cannot be shared.',
    'refusal.tooManyNotes': 'The map is full. No more notes fit.',
    'refusal.mapTooBig': 'The map has grown too big for the server.',
    'refusal.tooBig': 'A change was too big for the server.',
    'refusal.tooManyMessages':
      'This device sent too many messages at once, so the connection was stopped.',
    'refusal.writeQuota':
      'A great deal was sent to the server from this network in the last hour. Wait a while, then try again.',
    'refusal.serverFull': 'The server is full right now. Try again in a few minutes.',
    'refusal.malformed':
      'The server did not understand a message from this device, so the connection was stopped.',
    'refusal.other': 'The server stopped the connection (code {code}).',
    'refusal.retry': 'Connect again',
    'refusal.discard': 'Fetch the map again',
    'refusal.discardHint':
      'This fetches the map from the server again. Changes on this device that were not shared yet are lost.',
    'refusal.forbidden':
      'This facilitator link is not (or no longer) valid. Ask the facilitator for a new one.',
    'refusal.unknownMap': 'This map does not exist (any more) on this server. Check the link.',
  },
)
