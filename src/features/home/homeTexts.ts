import { textBundle } from '../../i18n/bundle'

/** The texts of the start page (they load with it). */
export const homeTexts = textBundle(
  {
    'app.tagline': 'Samen afspraken maken over samenspel: formeel en informeel, gelijkwaardig.',
    'home.title': 'Nieuwe kaart maken',
    'home.mapTitleHint': 'Bijvoorbeeld: Samenspel in de wijk',
    'home.descriptionHint': 'Over welk project of welke samenwerking gaat het?',
    'home.create': 'Kaart maken',
    'home.exampleTitle': 'Eerst even kijken?',
    'home.example': 'Voorbeeldkaart openen',
    'home.exampleHint': 'Een ingevulde kaart om te zien hoe het werkt.',
    'home.recent': 'Eerder geopend op dit apparaat',
    'home.visited': 'geopend {date}',
    'home.recentEmpty': 'Nog geen kaarten op dit apparaat.',
    'home.forget': 'Vergeet {title} op dit apparaat',
    'home.untitled': 'Kaart zonder titel',
    'import.title': 'Kaart openen uit een bestand',
    'import.label': 'Kies een JSON-bestand van een partnerschapskaart',
    'import.copyTitle': '{title} (kopie)',
    'import.not-json': 'Dit bestand is geen JSON. Er is niets veranderd.',
    'import.not-a-map': 'Dit is geen partnerschapskaart. Er is niets veranderd.',
    'import.newer-version':
      'Dit bestand komt uit een nieuwere versie van de app. Er is niets veranderd.',
    'import.invalid': 'Dit bestand is beschadigd of onvolledig. Er is niets veranderd.',
    'import.note-too-long':
      'Notitie {number} in {column} is te lang (hooguit {max} tekens): “{start}…”. Maak haar korter in het bestand. Er is niets veranderd.',
    'import.too-big': 'Dit bestand is te groot. Er is niets veranderd.',
    'error.createFailed':
      'De kaart kon niet worden gemaakt. Is er verbinding met de server? Probeer het zo nog eens.',
  },
  {
    'app.tagline': 'Agree together how formal and informal partners work side by side, as equals.',
    'home.title': 'Create a new map',
    'home.mapTitleHint': 'For example: Working together in the neighbourhood',
    'home.descriptionHint': 'Which project or collaboration is it about?',
    'home.create': 'Create map',
    'home.exampleTitle': 'Just looking?',
    'home.example': 'Open the example map',
    'home.exampleHint': 'A filled-in map to see how it works.',
    'home.recent': 'Opened before on this device',
    'home.visited': 'opened {date}',
    'home.recentEmpty': 'No maps on this device yet.',
    'home.forget': 'Forget {title} on this device',
    'home.untitled': 'Untitled map',
    'import.title': 'Import a map',
    'import.label': 'Choose a partnership map JSON file',
    'import.copyTitle': '{title} (copy)',
    'import.not-json': 'This file is not JSON. Nothing has changed.',
    'import.not-a-map': 'This is not a partnership map. Nothing has changed.',
    'import.newer-version': 'This file comes from a newer version of the app. Nothing has changed.',
    'import.invalid': 'This file is damaged or incomplete. Nothing has changed.',
    'import.note-too-long':
      'Note {number} in {column} is too long (at most {max} characters): “{start}…”. Make it shorter in the file. Nothing was changed.',
    'import.too-big': 'This file is too large. Nothing has changed.',
    'error.createFailed':
      'The map could not be created. Is the server reachable? Please try again shortly.',
  },
)
