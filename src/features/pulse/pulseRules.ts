/** Scores are shown only from this many answers on, so no single answer can be read off. */
export const PULSE_MIN_ANSWERS = 3
