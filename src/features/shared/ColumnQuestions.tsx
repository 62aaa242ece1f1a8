import { lazy, Suspense } from 'react'
import { useT } from '../../i18n'
import { isCardColumn, type ColumnId } from '../../map'

// A working form's questions load with the form, not with the map.
const FormQuestions = lazy(() =>
  import('../tasks/FormQuestions').then((m) => ({ default: m.FormQuestions })),
)

/** The questions a column asks, as the card prints them, or a working form's pile's own. */
export function ColumnQuestions({ column, className }: { column: ColumnId; className: string }) {
  const t = useT()
  if (!isCardColumn(column)) {
    return (
      <Suspense fallback={null}>
        <FormQuestions column={column} className={className} />
      </Suspense>
    )
  }
  return (
    <ul className={className}>
      {t.list(`columnQuestions.${column}`).map((question) => (
        <li key={question}>{question}</li>
      ))}
    </ul>
  )
}
