import type { ReactNode } from 'react'
import { navigate } from './router'

/** A link within the app: a real address, followed without reloading the page. */
export function AppLink({
  to,
  className,
  children,
}: {
  to: string
  className?: string
  children: ReactNode
}) {
  return (
    <a
      href={to}
      className={className}
      onClick={(event) => {
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
