import type { TASK_BOARD } from '../../map'

type TaskColumn = (typeof TASK_BOARD)['columns'][number]['id']

/** What each pile asks, as the column headers and the big screen show it. */
export const TASK_QUESTIONS: Record<'nl' | 'en', Record<TaskColumn, readonly string[]>> = {
  nl: {
    taken: [
      'Welke taken doen vrijwilligers en beroepskrachten hier?',
      'Schrijf één taak op elke notitie.',
    ],
    vrijwilligerswerk: ['Welke taken doen vooral vrijwilligers?'],
    professioneel: ['Welke taken doen vooral beroepskrachten?'],
    beide: [
      'Welke taken kunnen vrijwilligers en beroepskrachten allebei doen?',
      'Hoe spreken jullie dat samen af?',
    ],
    twijfel: [
      'Waar twijfelen jullie over? Waar denken jullie anders over?',
      'Praat erover: het kan een eis of voorwaarde op de kaart worden.',
    ],
  },
  en: {
    taken: ['Which tasks do volunteers and professionals do here?', 'Write one task on each note.'],
    vrijwilligerswerk: ['Which tasks do mostly volunteers do?'],
    professioneel: ['Which tasks do mostly professionals do?'],
    beide: ['Which tasks can both volunteers and professionals do?', 'How do you agree on that?'],
    twijfel: [
      'What are you unsure of? Where do you disagree?',
      'Talk about it: it can become a requirement or condition on the map.',
    ],
  },
}

/**
 * The starter deck: tasks of the kind the method's round table took from job descriptions. A
 * start the facilitator edits before anything is laid out, never a fixed list.
 */
export const STARTER_TASKS = {
  nl: [
    'Koffie schenken en een praatje maken bij de inloop',
    'Boodschappen doen met een bewoner',
    'Een bewoner helpen met formulieren en brieven',
    'Merken dat het thuis niet goed gaat',
    'Zorgen over iemands veiligheid melden',
    'Thuis met iemand praten over wat hij of zij nodig heeft',
    'Beslissen welke hulp iemand krijgt',
    'Een vast maatje zijn voor iemand die eenzaam is',
    'Iemand begeleiden naar het ziekenhuis of de huisarts',
    'Een plan maken met een gezin met schulden',
    'Nieuwe vrijwilligers inwerken',
    'Een buurtactiviteit organiseren',
  ],
  en: [
    'Pouring coffee and having a chat at the drop-in',
    'Doing the shopping with a resident',
    'Helping a resident with forms and letters',
    'Noticing that things are not going well at home',
    'Reporting worries about someone’s safety',
    'Talking at home with someone about what they need',
    'Deciding what help someone gets',
    'Being a steady buddy for someone who is lonely',
    'Going with someone to the hospital or the GP',
    'Making a plan with a family in debt',
    'Showing new volunteers the ropes',
    'Organising a neighbourhood activity',
  ],
} as const
