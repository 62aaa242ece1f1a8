import { useEffect, useState } from 'react'
import { useT, type TextKey } from '../../i18n'
import type { JoinCodeProblem } from '../../store/lifecycleActions'
import { useRoom } from '../../store/roomStore'
import { JoinCodeForm } from './JoinCodeForm'

const PROBLEM_TEXT: Record<JoinCodeProblem, TextKey> = {
  unknown: 'code.unknown',
  'too-many-tries': 'code.tooMany',
  failed: 'code.failed',
}

/** `/j/<code>` (from a QR code): finds the map while joining is open and goes there. */
export function JoinCodePage({ code }: { code: string }) {
  const t = useT()
  const [problem, setProblem] = useState<TextKey | null>(null)

  useEffect(() => {
    let current = true
    void useRoom
      .getState()
      .followJoinCode(code)
      .then((found) => {
        if (current && found) setProblem(PROBLEM_TEXT[found])
      })
    return () => {
      current = false
    }
  }, [code])

  return (
    <main className="home" id="main">
      {problem ? (
        <>
          <p className="banner banner-error" role="alert">
            {t(problem)}
          </p>
          <JoinCodeForm />
        </>
      ) : (
        <p role="status">{t('code.looking')}</p>
      )}
    </main>
  )
}
