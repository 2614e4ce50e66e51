// Minimal declarations for the two lexicon libraries, which ship no types. Only the parts Sentio
// reads are declared: the word → valence tables (the scoring rules are our own, see lexicon.ts),
// and the packaged scorers, which the evaluation script runs as a baseline.

declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER lexicon (Hutto & Gilbert 2014, MIT): token → mean human valence on −4..+4. */
  export const lexicon: Readonly<Record<string, number>>;
}

declare module 'wink-sentiment/src/afinn-en-165.js' {
  /** AFINN-165 word list (Nielsen, ODbL) as packaged by wink-sentiment: word → integer −5..+5. */
  const afinn: Readonly<Record<string, number>>;
  export default afinn;
}

declare module 'wink-sentiment/src/emojis.js' {
  /** Emoji → valence −5..+5, as packaged by wink-sentiment. */
  const emojis: Readonly<Record<string, number>>;
  export default emojis;
}

declare module 'wink-sentiment' {
  interface WinkSentimentResult {
    score: number;
    /** Mean valence of the scored tokens, damped for long texts; −5..+5. */
    normalizedScore: number;
  }
  function sentiment(phrase: string): WinkSentimentResult;
  export default sentiment;
}

declare module 'vader-sentiment' {
  interface VaderScores {
    neg: number;
    neu: number;
    pos: number;
    /** Normalised sum of valences, −1..+1. */
    compound: number;
  }
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): VaderScores;
  };
}
