import { useLang } from '../../i18n'
import type { ColumnId } from '../../map'
import { TASK_QUESTIONS } from './deck'

/** What a working form's pile asks, loaded with the form (see `ColumnQuestions`). */
export function FormQuestions({ column, className }: { column: ColumnId; className: string }) {
  const lang = useLang((state) => state.lang)
  const questions = (TASK_QUESTIONS[lang] as Partial<Record<ColumnId, readonly string[]>>)[column]
  if (!questions) return null
  return (
    <ul className={className}>
      {questions.map((question) => (
        <li key={question}>{question}</li>
      ))}
    </ul>
  )
}
