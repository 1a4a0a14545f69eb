// Cues in a customer's message (playbook part C): what went wrong, what is at
// stake for them, how angry they are, and when to hand over instead of arguing.
// Each cue is a phenomenon, not a sentence: keep patterns general.

export interface Cue {
  re: RegExp;
  weight: number;
  /** Human-readable, shown in the UI as a reason. */
  reason: string;
}

/** Something went wrong with the product or service (a problem, not a question). */
export const PROBLEM_CUES: Cue[] = [
  { re: /\b(?:charged|billed|debited)\b.{0,40}\b(?:twice|double|again|after|even though|without|for (?:a|an|something|things?)\b.{0,30}\b(?:didn'?t|did not|never))/i, weight: 1.2, reason: 'Wrongly charged' },
  { re: /\b(?:over-?charged|double[- ]charged|still (?:being )?(?:billed|charged)|charged (?:me )?(?:for|twice))\b/i, weight: 1, reason: 'Wrongly charged' },
  { re: /\b(?:never|still (?:hasn'?t|haven'?t|not)|hasn'?t|has not|haven'?t|have not|didn'?t|did not|not yet)\b.{0,25}\b(?:arrived?|come|came|shown up|received|delivered|published|paid|refunded|replied|responded|answered|called|fixed|worked|been (?:fixed|sent|paid|delivered))\b/i, weight: 1, reason: 'Something has not happened' },
  { re: /\b(?:broken|broke|cracked|damaged|defective|faulty|squashed|crushed|smashed|dented|torn|ripped|stained|spoiled|spoilt|ruined|melted|soggy|stale|expired|mou?ldy|rotten|shattered|scratched|leaking|crash(?:es|ed|ing)?|froze|freez(?:es|ing)|buffer(?:s|ing)|leak(?:s|ing)?|out of sync|dropp?(?:ed|s|ing) (?:out|every)|dropouts?|stopped working|not working|doesn'?t work|don'?t work|won'?t (?:open|work|load|start)|don'?t open|doesn'?t open|can'?t (?:log ?in|sign in|access|open|use)|error|bug|glitch)\b/i, weight: 1, reason: 'Something is broken' },
  { re: /\bwrong (?:model|item|size|colou?r|dosage|dose|address|account|amount|order|room|part|product|invoice|bill|number|format|file|version)\b|\b(?:is|was|are|were) wrong\b|\bmissing (?:a |an |the |my )?\w+|\bis missing\b|\bmispronounce|\bmistake\b|\berror\b|\bincorrect\b/i, weight: 1, reason: 'Something is wrong' },
  { re: /\b(?:late|delay(?:ed|s)?|overdue|took \d+ (?:days|weeks)|(?:been|for|waited|waiting) (?:\d+|a|an|two|three|four|five|six|several|many) (?:minutes?|hours?|days?|weeks?|months?|years?)|it'?s been (?:\d+|a|an|two|three|four|five|six|several) (?:days?|weeks?|months?))\b/i, weight: 1, reason: 'Kept waiting' },
  { re: /\b(?:cancell?ed|cut (?:off|me off)|closed my account|without (?:notice|warning|explanation|telling)|no one (?:told|called|answered)|didn'?t even (?:message|call|tell|reply|answer)|ignored)\b/i, weight: 1, reason: 'Let down without notice' },
  { re: /\b(?:still no|still waiting|no refund|where is my (?:refund|order|package|money)|want (?:a|my) (?:refund|money back)|refund)\b/i, weight: 1, reason: 'Asking for money back' },
  { re: /\b(?:(?:don'?t think|not) (?:we'?re |we are |it'?s |this is )?(?:a )?good fit|not (?:to )?renew|won'?t renew|cancel my (?:account|subscription|membership|order)|switch(?:ing)? to (?:a )?(?:competitor|another)|never (?:buy|order|use|shop)\w* (?:from|with|here)|done with (?:you|your))\b/i, weight: 1, reason: 'Wants to leave' },
  { re: /\b(?:rude|dirty|filthy|disgusting|unprofessional|disrespectful|treated (?:me |us )?(?:badly|poorly|like)|yelled|shouted at|hung up on)\b/i, weight: 1, reason: 'Treated badly' },
  { re: /\bno one (?:has |have )?(?:dealt|replied|responded|answered|got back|helped|called)|\bno (?:reply|response|answer|help|one)\b(?! (?:needed|problem))|\b(?:unable|can'?t|cannot|couldn'?t|could not) (?:to )?(?:find|get|send|reach|contact|download|access|use|log|sign|cancel|install|connect|load|print|pay|order|checkout|check out)\b|\binvalid\b|\bstopped (?:\w+ing)\b|\bflicker\w*|\btoo (?:large|small|big|slim|tight|loose|short|long)\b|\b(?:don'?t|do not) recall (?:placing|ordering|buying|signing)|\bnever (?:ordered|placed|signed up|authori[sz]ed)\b|\b(?:lasted|broke after|died after) (?:only |just )?\d+|#(?:bad|poor|worst|terrible|awful)\w*|#fail\b|\bnot even\b/i, weight: 0.8, reason: 'Something does not work' },
  { re: /\b(?:keeps?|kept) (?:\w+ing|missing|showing|happening|failing|breaking)\b/i, weight: 0.6, reason: 'Keeps happening' },
  { re: /\b(?:i (?:said|told you|asked)|you (?:said|told me|promised)|was told|were told)\b/i, weight: 0.6, reason: 'Was promised otherwise' },
  { re: /\b(?:fine|ticket|penalty|late fee)\b.{0,30}\bbecause\b|\bbecause (?:of )?your\b/i, weight: 0.8, reason: 'Blames the service' },
  { re: /\b(?:booked|ordered|paid for|asked for|requested)\b.{0,40}\b(?:got|received|gave (?:us|me)|sent (?:us|me)|ended up with)\b|\bnot what (?:i|we) (?:ordered|booked|paid for|asked for)\b/i, weight: 1, reason: 'Not what they paid for' },
  { re: /\b(?:turned|switched|shut|cut) (?:the |my |our )?\w+ off\b|\b(?:turned|switched|shut|cut) off\b|\bit was (?:only )?-?\d+ degrees\b|\b(?:is|was|got) lost\b|\blost my\b/i, weight: 1, reason: 'Something stopped working' },
  { re: /\b(?:you|your \w+) (?:sent|gave|lost|deleted|cancell?ed|closed|cut|shipped|delivered|charged|missed|forgot|ignored|threw|broke|ruined|damaged|overbilled)\b/i, weight: 0.8, reason: 'Blames the service' },
  { re: /\bi (?:just|only) want (?:to know|an answer|a straight answer|my)\b/i, weight: 0.6, reason: 'Wants a straight answer' },
  { re: /\bso-called\b|\bamazing service\b|\bgreat service\b.{0,5}$|\bwow\.|\bthanks for nothing\b|\bnice job\b.{0,10}$/i, weight: 1, reason: 'Sarcastic' },
  { re: /\bdid you (?:even|actually|really) (?:test|read|check|look|listen)\b|\bhow (?:hard|difficult) (?:is|can) it\b/i, weight: 1, reason: 'Questions the work' },
];

/** What is at stake for the customer: impact that calls for empathy, not just a fix. */
export const STAKE_CUES: Cue[] = [
  { re: /[$€£¥]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:dollars|euros?|pounds|usd|eur|gbp)\b|\b(?:my|the) money\b|\b(?:charged|billed|paid|paying|refund|transferred|invoice|bill)\b/i, weight: 1, reason: 'Money at stake' },
  { re: /\b(?:deadline|exam|interview|wedding|honeymoon|funeral|flight|birthday|party|anniversary|celebration|christmas|holiday|vacation|trip|event|conference|presentation|due (?:on|by)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|end of (?:the )?day)|urgent|asap|immediately)\b/i, weight: 1, reason: 'Mentions a deadline or big occasion' },
  { re: /\b(?:baby|child|kids?|daughter|son|elderly|pregnan\w*|dangerous|unsafe|danger|safety|health|medical|medication|dosage|hospital|sick|ill|injur\w*|cold house|no (?:heat|heating|water|power|electricity))\b/i, weight: 1, reason: 'Health, safety or family affected' },
  { re: /\b(?:losing (?:clients|customers|money|business|sales)|my (?:business|clients|customers|income|job|work)|work from home|private|privacy|personal data|employer)\b/i, weight: 1, reason: 'Livelihood or privacy affected' },
  { re: /\b(?:hours?|days?|weeks?|months?|a month|a year)\b.{0,30}\b(?:wait|waited|waiting|ago|later|reply|now)\b|\b(?:waited|waiting)\b.{0,20}\b(?:hours?|days?|weeks?|months?)\b|\b(?:took|taken|been) (?:\d+|two|three|four|five|six|several|many) (?:days|weeks|months)\b|\bit'?s been (?:a|an|\d+|two|three) (?:week|month|year)s?\b/i, weight: 1, reason: 'Kept waiting a long time' },
  { re: /\b(?:all (?:my|our)|years of|months of|everything)\b.{0,25}\b(?:gone|lost|deleted|wiped|disappeared)\b|\b(?:lost|deleted|wiped|erased) (?:all|everything|years)\b/i, weight: 1, reason: 'Lost their work or data' },
  { re: /\b(?:third|fourth|fifth|3rd|4th|5th|nth|umpteenth|again and again|once again|every (?:evening|day|night|time|week)|for a week|three weeks|(?:second|third|fourth) (?:time|message|email|call))\b/i, weight: 1, reason: 'Says this has happened before' },
];

/** Words of feeling: the customer says how they feel. */
export const EMOTION_CUES: Cue[] = [
  { re: /\b(?:furious|livid|fuming|outraged|enraged|appalled|disgusted|sick and tired|fed up|had enough|beyond (?:angry|frustrated))\b/i, weight: 2, reason: 'Says they are furious' },
  { re: /\b(?:angry|upset|frustrat\w+|annoy\w+|disappoint\w*|horrified|incompeten\w+|unhappy|not happy|stressed|worried|scared|frightened|let down|ridiculous|unacceptable|a joke|disgrace\w*|terrible|awful|horrible|worst|pathetic|shambles|nightmare)\b/i, weight: 1, reason: 'Strong negative words' },
  { re: /\b(?:extremely|absolutely|completely|totally|so|very) (?:unhappy|disappointed|frustrated|angry|upset|annoyed|unacceptable|ridiculous)\b/i, weight: 1, reason: 'Intensified complaint' },
];

/** Hand over to a manager or colleague instead of arguing (playbook part C). */
export const ESCALATION_CUES: Cue[] = [
  { re: /\b(?:lawyers?|attorneys?|solicitors?|(?:i'?ll|i will|going to|gonna|to|will|and|could|can) sue|sue (?:you|your|the company|them|for)|suing|lawsuit|legal (?:action|steps|proceedings|advice)|(?:to|in|see you in|at) court|court (?:case|action|order)|small[- ]claims|ombudsman|trading standards|consumer (?:protection|rights (?:agency|authority))|better business bureau|\bbbb\b|regulator|data protection (?:authority|commissioner)|report(?:ing)? (?:you|this|your (?:company|business|store)|it) to (?:the )?\w+|file a (?:formal )?complaint with|chargeback)\b/i, weight: 2, reason: 'Threatens legal action' },
  { re: /\b(?:speak|talk|escalate (?:this|it)?|put me through) (?:to|with) (?:a|an|your|the|someone)? ?(?:manager|supervisor|superior|boss|someone (?:in charge|senior|more senior|competent)|higher up)|\b(?:get|want|need|demand)(?: me)? (?:a|an|your|the) (?:manager|supervisor|boss)\b|\bescalate (?:this|my (?:case|complaint|ticket))\b|\b(?:speak|talk|deal) (?:to|with) (?:someone|somebody|a person|a human) (?:who|that) (?:actually |really |can )?(?:knows?|understands?|cares?|is competent|has authority)/i, weight: 1, reason: 'Asks for a manager' },
  { re: /\b(?:(?:i'?ll|i will|i'?m going to|going to|gonna|i'?m|i am|about to|will be)\s+(?:\w+ ){0,2}?(?:leave|leaving|write|writing|post|posting|give|giving) (?:a |an |you a |you an )?(?:\w+[- ])?(?:review|1[- ]star|one[- ]star)|(?:1|one|zero|0)[- ]star (?:review|rating)|(?:i'?ll|i will|i'?m going to|going to|gonna|about to|i'?m|i am)\b.{0,40}\b(?:trustpilot|yelp|google reviews?|social media|twitter|facebook|instagram|tiktok|reddit|the press|journalists?|newspapers?|the news|the media)|go(?:ing)? public|tell (?:everyone|all my friends)|make sure everyone knows|let everyone know|warn (?:everyone|others))\b/i, weight: 1, reason: 'Threatens public shaming' },
  { re: /\b(?:kill|shoot|stab|beat you|hurt you|burn (?:it|the place|your)|bomb|come (?:down|over) there and|find (?:out )?where you live|watch your back|you'?ll regret|you will regret|i know where (?:you|your)|drop dead)\b/i, weight: 3, reason: 'Threatens safety' },
  { re: /\b(?:fuck\w*|f\*+k\w*|shit\w*|bullshit|bastards?|assholes?|arseholes?|dickheads?|piss off|damn you|screw you|go to hell|wtf)\b/i, weight: 2, reason: 'Swears at the agent' },
  { re: /\b(?:idiots|morons|imbeciles|clowns|thieves|liars|crooks|scammers|frauds|criminals|cowboys)\b|\b(?:you(?:'re| are)?|you (?:people|guys|lot)(?: are)?|your (?:staff|agents?|people|team|company|support(?: team)?|employees|reps?)(?: (?:is|are))?|(?:what|such) (?:a|an)|bunch of|you(?:'re| are) (?:all|just|such)(?: a| an)?)(?: \w+)? (?:idiots?|morons?|imbeciles?|clowns?|incompetent|useless|stupid|pathetic|liars?|thieves|crooks?|scammers?|frauds?|criminals?|a scam|a joke)\b|\bscam(?:med|ming)? (?:me|us|people|customers)\b/i, weight: 2, reason: 'Abusive language' },
];

/** Questioning the agent's competence; escalates when repeated or combined with abuse. */
export const COMPETENCE_CUE = /\b(?:are you (?:even |actually )?(?:listening|reading|serious|stupid|kidding|trained|qualified|able)|do you (?:even |actually )?(?:know|read|understand|listen|care)|did you (?:even |actually )?(?:read|listen|look|check|test|try)|can(?:'t| not|not) you (?:people |guys )?(?:read|understand|do anything)|does anyone (?:there )?(?:know|care|read)|is (?:there )?anyone (?:there )?(?:competent|who (?:knows|can read|understands)))\b/gi;

/** The customer says the problem is their own doing: an apology is not owed, empathy still is. */
export const SELF_CAUSED = /\b(?:i|we) (?:accidentally|mistakenly|by mistake|wrongly)\b|\b(?:my|our) (?:own )?(?:mistake|fault|bad)\b|\bi (?:transferred|sent|paid|ordered|booked|deleted|typed|entered|chose|picked|selected)\b(?:(?!\b(?:came|arrived|was|were|is|but|and)\b).){0,30}\b(?:wrong|by mistake|accidentally|twice)\b|\bmy (?:kid|son|daughter|child|partner|husband|wife) (?:maybe|probably|might|must|did|bought|ordered)\b|\b(?:kid|son|daughter|child) maybe\b|\bi (?:forgot|lost|broke|dropped|spilled)\b/i;

/** Neutral openers: a question or request with no complaint. */
export const QUESTION_ONLY = /^(?:(?:hi|hello|hey)\b[^.!?]*[.!,]?\s*)?(?:quick question|(?:i have|got) a (?:quick )?question|(?:can|could|would|do|does|is|are|where|how|what|when|which|who)\b)/i;
