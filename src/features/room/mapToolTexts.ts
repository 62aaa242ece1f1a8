import { textBundle } from '../../i18n/bundle'

/** The texts of a facilitator's tools for the map itself: its details, and deleting it. */
export const mapToolTexts = textBundle(
  {
    'details.edit': 'Titel, beschrijving en versie wijzigen',
    'details.version': 'Versie (niet verplicht)',
    'details.versionHint': 'Bijvoorbeeld: 1 of concept',
    'details.save': 'Opslaan',
    'details.saved': 'Opgeslagen',
    'delete.title': 'Kaart verwijderen',
    'delete.explain':
      'De kaart verdwijnt dan voor iedereen: van de server en van alle apparaten. Dat kan niet ongedaan worden. Bewaar eerst de PDF of het JSON-bestand als je de afspraken wilt houden.',
    'delete.confirm': 'Ja, verwijder de kaart voor iedereen',
    'delete.failed': 'Verwijderen lukte niet. Controleer de verbinding en probeer het nog eens.',
  },
  {
    'details.edit': 'Change title, description and version',
    'details.version': 'Version (optional)',
    'details.versionHint': 'For example: 1 or draft',
    'details.save': 'Save',
    'details.saved': 'Saved',
    'delete.title': 'Delete map',
    'delete.explain':
      'The map then disappears for everyone: from the server and from every device. This cannot be undone. Save the PDF or the JSON file first if you want to keep the agreements.',
    'delete.confirm': 'Yes, delete the map for everyone',
    'delete.failed': 'Deleting did not work. Check the connection and try again.',
  },
)
