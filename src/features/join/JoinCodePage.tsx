import { useEffect, useState } from 'react'
import { navigate, roomPath } from '../../routing/router'
import { useT, type TextKey } from '../../i18n'
import { lookupJoinCode } from '../../sync/serverApi'
import { JoinCodeForm } from './JoinCodeForm'

/** `/j/<code>` (from a QR code): finds the map while joining is open and goes there. */
export function JoinCodePage({ code }: { code: string }) {
  const t = useT()
  const [problem, setProblem] = useState<TextKey | null>(null)

  useEffect(() => {
    let current = true
    lookupJoinCode(code)
      .then((roomId) => {
        if (!current) return
        if (roomId) navigate(roomPath(roomId), true)
        else setProblem('code.unknown')
      })
      .catch((error: Error) => {
        if (current) setProblem(error.message === 'too-many-tries' ? 'code.tooMany' : 'code.failed')
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
