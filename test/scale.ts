// `npm test` runs the reliability tests briefly; `npm run soak` (SOAK=1) runs the same tests long.
export const SOAK = process.env.SOAK === '1'

/** `quick` in npm test, `soak` under npm run soak. */
export const scaled = (quick: number, soak: number): number => (SOAK ? soak : quick)
