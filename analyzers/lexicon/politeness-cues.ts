// Politeness strategies after Danescu-Niculescu-Mizil et al. (2013), "A
// computational approach to politeness", adapted to support replies. Weights
// are log-odds-like nudges: positive = polite, negative = impolite.

export interface PolitenessCue {
  name: string;
  re: RegExp;
  weight: number;
}

export const POLITENESS_CUES: PolitenessCue[] = [
  { name: 'gratitude', re: /\b(?:thanks?|thank you|thankful|grateful|appreciate[ds]?|much appreciated)\b/i, weight: 0.9 },
  { name: 'apologizing', re: /\b(?:sorry|apologi[sz]e|apologies|my bad|excuse me|pardon)\b/i, weight: 0.7 },
  { name: 'please', re: /\bplease\b/i, weight: 0.4 },
  // "Please do X" as an opener reads as an order (the paper's please-start).
  { name: 'please-start', re: /^\W*please\b/i, weight: -0.35 },
  { name: 'counterfactual-modal', re: /\b(?:could|would) you\b/i, weight: 0.6 },
  { name: 'indicative-modal', re: /\b(?:can|will) you\b/i, weight: 0.25 },
  { name: 'hedges', re: /\b(?:i think|i believe|i suppose|i guess|i wonder|perhaps|maybe|possibly|might|it seems|it looks like|kind of|sort of|somewhat|a bit|a little|if (?:possible|you (?:don'?t mind|can|could|like|prefer)))\b/i, weight: 0.35 },
  { name: 'deference', re: /\b(?:great|good|nice|excellent|interesting|wonderful) (?:job|work|point|question|idea|catch|article|edit)\b|\b(?:happy|glad) to\b|\byou'?re (?:right|welcome)\b/i, weight: 0.6 },
  { name: 'greeting', re: /^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b/i, weight: 0.5 },
  { name: 'first-person-plural', re: /\b(?:we|us|our|let'?s)\b/i, weight: 0.1 },
  { name: 'direct-question', re: /^\W*(?:why|what|how come|who)\b[^.!]*\?/i, weight: -0.6 },
  { name: 'direct-start', re: /^\W*(?:so|then|and|but|or|also)\b/i, weight: -0.3 },
  { name: 'second-person-start', re: /^\W*(?:you|your|you'?re)\b/i, weight: -0.3 },
  { name: 'accusation', re: /\byou (?:didn'?t|did not|never|should(?:n'?t)? have|must have|obviously|clearly|failed|forgot|keep|always)\b|\byour (?:fault|mistake|problem|responsibility)\b/i, weight: -0.9 },
  { name: 'obligation', re: /\byou (?:need to|have to|must|should|will need to|are required to)\b/i, weight: -0.6 },
  { name: 'factuality', re: /\b(?:actually|in fact|the point is|the reality is|obviously|clearly|literally|as i (?:already )?(?:said|explained|mentioned)|as (?:stated|mentioned) (?:before|previously|above))\b/i, weight: -0.6 },
  { name: 'imperative-start', re: /^\W*(?:stop|read|check|look|do|don'?t|just|make|use|buy|get|go|calm|relax|see|note|try|fix|learn|wait)\b/i, weight: -0.45 },
  { name: 'dismissal', re: /\b(?:calm down|relax|no big deal|not a big deal|whatever|your loss|good luck with that|deal with it|not my problem|nothing i can do|rules are rules)\b/i, weight: -1.2 },
  { name: 'profanity', re: /\b(?:damn|hell|crap|shit\w*|fuck\w*|stupid|idiot\w*|moron\w*|dumb|pathetic|ridiculous|nonsense|bs|wtf|lol)\b/i, weight: -1 },
  { name: 'shouting', re: /\b[A-Z]{3,}(?:\s+[A-Z]{2,}){1,}\b|[!?]{2,}/, weight: -0.8 },
];
