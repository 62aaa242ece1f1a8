import { useId } from 'react'

/**
 * One activity in the facilitator's menu that is on or off for the whole room (the influence
 * question, a brainstorm, the task sorting): its name, what it does, and the one button.
 */
export function ActivityToggle(props: {
  title: string
  hint: string
  on: boolean
  /** The button's words: often different for on and off ("starten", "afronden"). */
  label: string
  onToggle(): void
}) {
  const id = useId()
  return (
    <section className="pulse-controls" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <p className="hint">{props.hint}</p>
      <button type="button" aria-pressed={props.on} onClick={props.onToggle}>
        {props.label}
      </button>
    </section>
  )
}
