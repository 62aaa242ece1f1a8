import { textBundle } from '../../i18n/bundle'

/** The texts of the message after one's own change to a note (it loads with that message). */
export const undoTexts = textBundle(
  {
    'undo.done.add': 'Notitie toegevoegd.',
    'undo.done.edit': 'Notitie bewerkt.',
    'undo.done.move': 'Notitie verplaatst.',
    'undo.done.delete': 'Notitie verwijderd.',
    'undo.undone.add': 'De nieuwe notitie is weer weg.',
    'undo.undone.edit': 'De bewerking is ongedaan gemaakt.',
    'undo.undone.move': 'De notitie staat weer op haar oude plek.',
    'undo.undone.delete': 'De notitie is terug.',
    'undo.redone.add': 'De notitie is er weer.',
    'undo.redone.edit': 'De bewerking is er weer.',
    'undo.redone.move': 'De notitie is weer verplaatst.',
    'undo.redone.delete': 'De notitie is weer verwijderd.',
    'undo.gone': 'Iemand heeft je notitie {label} verwijderd: ‘{text}’.',
    'undo.editLost':
      'Iemand anders heeft notitie {label} verwijderd of verplaatst terwijl je die bewerkte. Je wijziging is niet bewaard.',
    'undo.undo': 'Ongedaan maken',
    'undo.undoKeys': 'Ongedaan maken (Ctrl+Z)',
    'undo.redo': 'Opnieuw',
    'undo.redoKeys': 'Opnieuw (Ctrl+Shift+Z)',
    'undo.close': 'Melding sluiten',
  },
  {
    'undo.done.add': 'Note added.',
    'undo.done.edit': 'Note edited.',
    'undo.done.move': 'Note moved.',
    'undo.done.delete': 'Note deleted.',
    'undo.undone.add': 'The new note is gone again.',
    'undo.undone.edit': 'The edit is undone.',
    'undo.undone.move': 'The note is back in its old place.',
    'undo.undone.delete': 'The note is back.',
    'undo.redone.add': 'The note is there again.',
    'undo.redone.edit': 'The edit is back.',
    'undo.redone.move': 'The note is moved again.',
    'undo.redone.delete': 'The note is deleted again.',
    'undo.gone': 'Someone deleted your note {label}: ‘{text}’.',
    'undo.editLost':
      'Someone else deleted or moved note {label} while you were editing it. Your change was not saved.',
    'undo.undo': 'Undo',
    'undo.undoKeys': 'Undo (Ctrl+Z)',
    'undo.redo': 'Redo',
    'undo.redoKeys': 'Redo (Ctrl+Shift+Z)',
    'undo.close': 'Close message',
  },
)
