/** What each number of an XLA means, in the admin's words (SCORING.md §2–3). */
export const XLA_HELP = {
  weight:
    'How much this indicator counts within its group (experience or operations). Weights are shares: 0.8 and 0.2 count 80 % and 20 %. An indicator with no data in a window passes its share to the others of its group; 0 shows it on the scorecard without counting it.',
  floor:
    'The rate of good tickets that scores 0 (0.5 = half of them good). At or below the floor the indicator scores 0; between floor and target its score rises in a straight line.',
  target:
    'The rate of good tickets that scores 100 (0.9 = nine in ten good). At or above the target the indicator scores 100. It must be above the floor.',
  prior:
    'The rate assumed before there is data. With few tickets the observed rate is pulled toward it, as if a few more tickets (the smoothing strength, under Advanced) had this rate; with many tickets it hardly matters. Once the site has enough history, its own 180-day rate takes its place.',
  targetScore:
    'The XLA score that counts as met. Within 20 points below it the XLA is at risk; further below, breached.',
  minSample:
    'How many answers and scored comments (recent ones weigh more) the experience side needs before the scorecard shows a number rather than “not enough data”.',
} as const;
