import { useMemo } from 'react'
import { encode } from 'uqr'

/** A QR code drawn as one SVG path, so it stays sharp on a projector and needs no image file. */
export function QrCode({
  text,
  label,
  size = 240,
}: {
  text: string
  label: string
  size?: number
}) {
  const { path, modules } = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 2 })
    let d = ''
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`
      }),
    )
    return { path: d, modules: data.length }
  }, [text])
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
