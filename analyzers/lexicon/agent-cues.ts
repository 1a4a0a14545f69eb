// Cues in the agent's own sentences for the pieces a good reply contains
// (playbook part A): empathy (step 1-2), a sincere apology (3), ownership (5),
// a concrete next step (6-7), follow-up (9) and thanks (10). Patterns describe
// the move, not a sentence; they run on one sentence at a time, lowercased.

const S = String.raw;

/** Step 2: naming the feeling or the impact ("that must be stressful"). */
const FEELING = S`(?:frustrat\w*|stressful|stressed|worr(?:ying|ied)|upsetting|upset|distressing|frightening|scary|annoy\w*|awful|infuriating|maddening|disappointing|disappointed|exhausting|a hassle|a pain|nerve-?wracking|unsettling|alarming|a shock|shocking|concerning|hard|difficult|tough|rough|horrible|terrible|unpleasant|inconvenient)`;

export const EMPATHY = new RegExp(
  [
    S`\bi (?:\w+ )?(?:understand|get|see|know|appreciate|realize|realise|can imagine|can only imagine|hear) (?:how|why|what (?:you(?:'re| are| were)? (?:going through|mean|feel|dealing)|this means|a \w+ this)|(?:the|your) (?:frustration|worry|concern|disappointment|stress|anger|annoyance|pressure|urgency|inconvenience|hassle|impact|situation|position|point|pain|upset|confusion|fear|anxiety|scare|shock|fright|alarm|panic|nerves|disruption|embarrassment)|that (?:this|it) (?:is|was|has|must)|this (?:is|was|has|must)|you'?re (?:\w+ )?(?:upset|frustrated|angry|annoyed|worried|disappointed|stressed|concerned|unhappy)|you were (?:\w+ )?(?:upset|frustrated|worried|counting)|you had to|you feel|where you'?re coming from|how much)\b`,
    S`\bi (?:completely |totally |fully |really )?understand(?:\s*(?:[.!,;—–-]|$)| completely| totally)`,
    // Naming the feeling or the harm it did: "sorry for the shock that letter gave you", "half a day idle is a real cost".
    S`\b(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|all the|any) (?:shock|scare|fright|worry|stress|anxiety|alarm|panic|upset|distress|embarrassment|frustration)\b|\bmust have (?:given|caused) you\b|\b(?:is|was|that'?s|it'?s) a (?:real|genuine|serious|big) (?:cost|blow|setback|loss|worry|problem for you)\b`,
    S`\bi hear you\b`,
    S`\b(?:must (?:be|have been|feel)|sounds?|that'?s|that is|this is|this was|it'?s|it is|was|is|are|been) (?:so |really |very |incredibly |truly |completely |understandably |genuinely |such )?(?:a )?${FEELING}\b`,
    S`\b(?:your|the) (?:frustration|worry|concern|disappointment|stress|anger|annoyance)\b`,
    S`\b(?:no ?one|nobody) should\b|\byou shouldn'?t have (?:had )?to\b|\b(?:completely |perfectly |entirely |totally )?reasonable to (?:expect|ask|want|be)\b|\bwhat a (?:rotten|awful|terrible|horrible|frustrating|stressful|disappointing|miserable|rough|bad|worrying|nightmare) \w+`,
    S`\byou(?:'re| are) (?:absolutely |completely |quite |totally |so )?right\b(?! (?:that|about) (?:the|this|it|our|all|there|fees?|charges?|we (?:don'?t|do not|can'?t|cannot))\b)`,
    S`\byou (?:have|had) every right\b`,
    S`\b(?:the )?last thing you (?:need|needed|want|wanted)\b|\bnot (?:how|what) you (?:wanted|hoped|planned|expected|needed) to\b`,
    S`\b(?:completely |totally |perfectly |entirely )?understandabl[ey]\b`,
    S`\b(?:fair (?:question|point|enough)|totally fair|that'?s fair|that'?s (?:not|isn'?t) (?:okay|ok|right|fair|acceptable)|(?:is|was) not (?:okay|ok|right|fair|acceptable)|isn'?t (?:okay|ok|right|fair|acceptable)|(?:completely |totally )?unacceptable|far too long|way too long|too long to wait)\b`,
    S`\byou deserved?\b`,
    S`\bi'?d (?:be|feel|have been) (?:\w+ )?(?:too|as well)\b|\bin your (?:shoes|position|place)\b`,
    S`\b(?:let you down|not what you (?:booked|paid for|expected|asked for|deserve)|not the (?:service|experience) (?:we promise|you (?:expect|deserve)))\b`,
    S`\b(?:no worries|don'?t worry|not (?:bothering|a bother|a pain|a burden) (?:me )?at all|counting on)\b`,
    S`\b(?:[a-z]{1,30} )?(?:matters?|is important|are important)(?: (?:to you|so much|a lot))?\s*(?:[.!—–-]|$)`,
    S`\b(?:i feel (?:for )?you|i(?:'ve| have) been there|i know (?:exactly )?how (?:you feel|that feels|it feels)|you(?:'re| are) not alone|hang in there|i can relate|i feel the same|i(?:'ve| have) felt (?:that|the same)|i hope (?:you(?:'re| are)?|things|everything) (?:\w+ )?(?:feel(?:ing)? |get(?:ting)? |are |turn(?:s)? out |work(?:s)? out )?(?:better|okay|ok|well|alright|all right)|hope you feel better|i'?m here (?:for you|if you need)|stay strong|proud of you|sending (?:you )?(?:hugs|love|strength)|(?:big |virtual )?hugs|i'?m here for you|that sucks|(?:so|really) sorry (?:to hear|you'?re|you are|you have|you had|for your))\b`,
    S`\bwould (?:\w+ )?(?:alarm|upset|frustrate|worry|annoy|scare|shock|confuse|concern|panic|anger)\w* (?:anyone|anybody|me|most people|any of us)\b`,
    S`\b(?:what|how) (?:a )?(?:stressful|frustrating|awful|difficult|horrible|worrying) \w+`,
  ].join('|'),
);

/** Words that turn an empathy phrase into dismissal ("it doesn't matter", "nothing to worry about"). */
export const EMPATHY_NEGATED = /\b(?:doesn'?t|does not|don'?t|do not|won'?t|no need to|nothing to) (?:matter|worry|be (?:upset|frustrated))|\bnot (?:that|so|very|really) (?:hard|difficult|bad)\b|\bi (?:don'?t|do not) (?:understand|see|know)\b|\b(?:hard|difficult|tough|frustrating|stressful|busy|rough|challenging)(?: \w+)? for (?:us|me|our|the team|everyone|all of us|staff)\b|\byour (?:call|feedback|business|custom|satisfaction|opinion|input|patience|request|enquiry|inquiry)(?: is| are)? (?:very |really |extremely |so )?(?:important|matters?)\b/;

/**
 * Kind words taken back in the same breath ("I understand, but the policy is clear").
 * "yet" and "though" contrast only where a clause starts: "…, yet", not "hasn't shipped yet".
 */
export const CONTRAST = /(?:(?:^|[,;:—–-]\s*|\s)(?:but|however|although|nevertheless|nonetheless|that said|even so|unfortunately)|(?:^|[,;:—–-])\s*(?:yet|though))\b/;

/** Step 3: a sincere apology (checked against non-apologies below). */
export const APOLOGY =
  /\b(?:i'?m|i am|we'?re|we are)(?: \w+)?(?: so| very| really| truly| deeply| terribly| sincerely| genuinely| awfully| incredibly)? sorry\b|\bmy (?:sincere |deepest |humble )?apologies\b|\b(?:i|we) (?:\w+ )?apologi[sz]e\b|\b(?:sincere |our )?apologies (?:for|that|about)\b|(?:^|[—–-] ?)(?:(?:oh no|ah|ugh|ha|so),? )?(?:so |very |really )?sorry\b|\bsorry (?:about|for|that|to hear)\b/;

/** Non-apologies (playbook part B): regret that blames or retracts does not count. */
export const NON_APOLOGY =
  /\bsorry (?:if|that you (?:feel|felt|think|thought|believe|were confused|misunderstood)|you (?:feel|felt|think|thought|believe|see it|were confused|misunderstood)|to hear (?:that )?you (?:feel|think|believe))\b|\b(?:sorry|apologi[sz]e|apologies),? (?:but|however)\b|\b(?:for|about) any (?:inconvenience|confusion|trouble|frustration)\b|\b(?:may|might) have caused\b|\bnot sorry\b|\bsorry (?:that )?you(?:'re| are| were| feel| felt| seem)? (?:so |very |still )?(?:disappointed|unhappy|dissatisfied|not (?:happy|satisfied|pleased)|upset with|frustrated with|annoyed|confused|let down|offended)\b|\bsorry to hear (?:that )?you(?:'re| are| were)? (?:so |very |still )?(?:disappointed|unhappy|dissatisfied|not (?:happy|satisfied|pleased)|upset|frustrated|annoyed|confused)\b|\bsorry (?:that )?you (?:chose|decided|wish|want|would like|have decided|'ve decided)\b|\bsorry to disappoint\b|\b(?:for|about) (?:the|any) misunderstanding\b/;

/** "Sorry, we can't…": a polite refusal, not an apology for what happened. */
export const REFUSAL = /\b(?:can'?t|cannot|can not|unable to|not able to|won'?t be able to|(?:is|'s|isn'?t) not possible|isn'?t possible|no longer (?:possible|available)|nothing (?:more |else )?(?:i|we) can|not (?:something|a thing) (?:i|we) can)\b/;

/** A bare apology says sorry without naming the customer's experience. */
export const BARE_APOLOGY = /^(?:\W*(?:oh no|ah|ha|ugh|so)?,? ?(?:i'?m |we'?re )?(?:so |very |really )?sorry(?: (?:about|for) (?:that|this|the (?:hassle|trouble|inconvenience|wait|delay|confusion)))?\W*)$/;

/** Step 5: owning the problem, which also answers for an apology with a mild customer. */
export const OWNERSHIP =
  /\b(?:(?:that|this|it)(?:'s| is| was) (?:\w+ )?(?:our|my) (?:mistake|fault|error|bad|doing)|(?:our|my) (?:mistake|fault|error|bad)\b|i should have|we should have|on (?:us|me)(?= ?[.!,—–-]|$)|(?:i|we) (?:messed|screwed) up|dropped the ball|a failure on our (?:side|part)|(?:i'?ll|i will) (?:handle|take care of|own) (?:this|it)(?: personally)?|personally)\b/;

/** Denying fault is the opposite of ownership ("that's not our fault"). */
export const OWNERSHIP_NEGATED = /\b(?:not|isn'?t|wasn'?t|never) (?:\w+ )?(?:our|my) (?:mistake|fault|error|doing|problem)\b|\bnot (?:on|down to) (?:us|me)\b/;

/** Step 10 for a mild problem report: thanks for pointing it out acknowledges it. */
export const THANKS_FOR_REPORT =
  /\bthanks?(?: you)?(?: so much| again)? for (?:spotting|catching|flagging|pointing|noticing|letting (?:me|us) know|reporting|telling|the heads[- ]up|bringing|raising|your (?:honest )?feedback|being honest|your patience)\b|\bthank you for telling\b|\bgood catch\b/;

/** Step 6-7: the agent did or will do something concrete. */
const ACTION_VERB = S`(?:send|resend|re-?send|call|phone|email|e-mail|text|refund|reimburse|credit|replace|reship|re-?ship|ship|fix|repair|re-?\w{3,}|book|schedule|arrange|move|upload|follow up|check in|check|update|confirm|process|cover|bill|waive|contact|investigate|bump|make|add|hold|escalate|take a look|look at|reset|restore|cancel|issue|return|deliver|visit|inspect|take care|handle|assign|open|reopen|release|correct|prioriti[sz]e|recommend|set up|set|block|extend|upgrade|give|offer|cover|mail|post|walk you|reach out|ring|come|be there|get (?:this|it|that|you)|have (?:it|this|someone|a|our)|sort|test|share|adjust|change|swap|exchange|remove|unlock|enable|turn)`;
const NO_NEG = S`(?!(?:not|never|n't)\b)`;
/** Motions that commit to nothing checkable; they never count as the action itself. */
const NOT_AN_ACTION = S`(?:down|not|never|no|know|imagine|understand|appreciate|relate|assure|promise|only|tell you|say|confirm that|reassure|certainly understand|see (?:why|how|that)|keep (?:you|u) (?:posted|updated|informed|in the loop)|keep an eye|monitor|look at (?:options|ways|possibilities)|check (?:on|into) (?:it|this|that)|escalate(?: it| this| that)?(?=\s*[.!]|\s*$)|be honest|be frank|try|consider|see|think|look into|get back|pass|hope|need|have to|keep (?:it|this|that|your \w+) in mind|note|bear|remember|do (?:our|my) best|let you know (?:when|once|if)|always|probably|maybe|just have to|be in touch (?:soon|at some point)|sort it out (?:eventually|at some point))\b`;
/** The agent commits to doing something: "I'll hand over…", "we can rebook…", "let me check…". */
export const FUTURE_ACTION = new RegExp(
  S`\b(?<!(?:n't|not|never|won't|nothing|anything|not much|little|nothing (?:more|else)|anything (?:more|else)|not much more|all) )(?:i'?ll|i will|we'?ll|we will|i'?m going to|we'?re going to|i am going to|we are going to|i can|we can|let me|let us|i'?d be (?:happy|glad) to|i'?m (?:happy|glad) to|happy to|glad to|i want to|i plan to|i'?m (?:now )?(?:sending|calling|refunding|arranging|booking|shipping|escalating|handing|moving))(?![’']t\b)(?: (?:also|now|personally|then|gladly|happily|just|immediately|first|still|gladly|quickly))* (?!${NOT_AN_ACTION})['‘]?[a-z]{2,}`,
);
const DONE_VERB = S`(?!been\b|always\b|never\b|no\b|not\b|had\b|received\b|noted\b|read\b|seen\b|heard\b|considered\b|tried\b|explained\b|told\b|said\b|mentioned\b|already (?:explained|told|said)\b)`;
export const DONE_ACTION = new RegExp(
  S`\b(?:i'?ve|i have|we'?ve|we have)(?: just| already| now| also| personally| gone ahead and)* ${DONE_VERB}(?:\w+ed|sent|made|put|set|built|run|done|written|got|gotten|given|taken|found|shipped|moved|blocked|reset|upload(?:ed)?|rebuilt|re-?\w+ed)\b`,
);
/** Work in progress by the agent or their team, and what the customer will receive. */
export const IN_PROGRESS =
  /\b(?:we'?re|we are|i'?m|i am|(?:our|the|a) (?:\w+ )?(?:team|technician|courier|engineer|manager|department|specialist|colleague|crew|driver|bakery|warehouse)s? (?:is|are|will be))(?: now| currently| already| just)? (?:reversing|refunding|sending|shipping|processing|fixing|reviewing|preparing|rebuilding|replacing|arranging|issuing|crediting|contacting|calling|reprocessing|re-?\w+ing|cancell?ing|closing|restoring|correcting|updating|upgrading|reshipping|delivering|booking|scheduling)\b|\byou(?:'ll| will|'re going to| are going to) (?:receive|get|see|hear|be contacted|be called|have)\b|\bexpect (?:a|an|the|it|them|your|delivery|payment)\b/;

export const SCHEDULED = new RegExp(
  [
    // Done or under way: "has been sent", "will be replaced", "is now on its way".
    S`\b(?:has been|have been|'s been|will be|is being|are being|is now|are now|is already|are already|was just|were just)(?: \w+)? (?:booked|scheduled|sent|shipped|dispatched|attached|approved|confirmed|refunded|reversed|issued|credited|released|uploaded|arranged|ready|processed|reopened|fixed|resolved|replaced|restored|assigned|corrected|removed|applied|blocked|reserved|cancell?ed|waived|escalated|back|online|up and running|working|reconnected|delivered|added|updated|changed|moved|extended|upgraded|paid|reimbursed|covered)\b`,
    // Specific states that are news, not policy: "your order is on its way", "the file is attached".
    S`\b(?:is|are|'s|'re)(?: now| already| just| also)? (?:on (?:its|their|the) way|live|deployed|rolled out|back (?:up|online|to normal)|attached|booked|scheduled|confirmed|ready|reserved|in the (?:mail|post)|on us|free from|due (?:on|by|in|to)|out for delivery|being \w+ed)\b`,
    // Past passive counts only when it just happened: "was sent today", not "was sent on 3 May".
    S`\b(?:was|were) (?:\w+ed|sent|made|put|set|done|given|taken|found|shipped) (?:[^.]{0,40}\b)?(?:today|just now|this (?:morning|afternoon|evening)|an hour ago|minutes ago)\b`,
    S`\b(?:ships?|arrives|(?:will|'ll|should|to|would|is|are|'s|'re) (?:be )?arriv(?:e|ing)|goes out|will reach|should (?:be there|arrive|reach|land|see it|show|appear|clear|be back|be fixed|be working)|will be (?:there|with you|released|ready))\b`,
    S`\b(?:new (?:version|build|file|link|label)|attached)\b`,
    S`\b(?:next|earliest|first) (?:available |free |open )?(?:slot|appointment|date|opening|delivery|visit|session|time) (?:is|would be)\b`,
  ].join('|'),
);
/** Someone on the agent's side will act: concrete only with a time ("a technician will visit tomorrow"). */
export const TEAM_WILL = /\b(?:our|the|a|your) (?:\w+ )?(?:technician|engineer|courier|driver|manager|specialist|colleague|team|plumber|electrician|agent|rep|fitter|installer|inspector|supervisor|nurse|doctor)s? (?:will|'ll|is going to|are going to|can) (?!not\b|never\b)[a-z]{3,}/;

/** A menu path or link is a path forward ("Settings > Appearance", "here's how"). */
export const PATH =
  /\bhere(?:'s| is| are)\b|https?:\/\/|\b(?:go to|open|under|in)\b[^.]{0,30}(?:>|→|›)|^(?:please )?(?:use|go to|click|tap|open|try|restart|reinstall|reset|turn on|enable|update|check your|log in|sign in|visit|download)\b|\bplease (?!(?:be patient|note|understand|calm|stop|do not|don'?t|read|refrain|bear|remember|check (?:that|if|whether|before)|keep in mind|allow|wait|refer)\b)[a-z]{3,}|\b(?:can|must|need to|has to|have to|should) be (?:done|made|submitted|requested|sent|filed|booked|arranged) (?:in person|online|via|through|at|by (?:phone|email|post)|from)\b|\bhave you tried \w+ing\b|^(?:go ahead and |just |simply )?(?:send|reply|email|call|forward|bring|return|ship) (?:us|me|it|them)\b|\b(?:and|then) (?:send|email|forward) (?:us|me)\b/;
/** Asking for what is needed to move on is a next step too. */
export const ASK =
  /\b(?:could|can|would) you (?:please |just )?(?:send|share|tell|confirm|let me know|reply|forward|upload|check|try|give|describe|attach)\b|\bplease (?:send|share|reply|forward|upload|confirm|let (?:me|us) know|contact|call|get in touch|attach)\b|\b(?:let (?:me|us) know|reply (?:here|to this)|just reply|tell me|get in touch|contact me|reach me)\b|\b(?:which (?:do you prefer|would you prefer|works (?:better|best)|would suit|suits|would work|one would|option)|if you(?:'d)? prefer|would you like|want me to|if you'?d like|if you want|if you wish|what would you like|what would make (?:this|it) right)\b|\bwhat(?:'s| is) your (?:question|order|email|account|address|phone|number)\b/;
/** Vague motions that promise nothing checkable ("we'll look into it"). */
export const VAGUE =
  /\b(?:consider|look into|looking into|get back to you|let you know (?:when|once|if)|do (?:our|my) best|see what (?:we|i) can do|try (?:to|and)|pass (?:it|this) on|take (?:it|this) into account|in due course|at some point|when (?:we|i) (?:can|have time|get a chance)|for future improvements|working on (?:it|this)|investigating|eventually|when (?:it'?s|it is|they'?re|they are) (?:ready|done)|when (?:we|i) get (?:to it|a chance|round to it)|pass(?:ed)? (?:it |this |that |your \w+ )?on|(?:have|'ve) passed|noted|keep (?:you|u) (?:posted|updated|informed|in the loop)|keep an eye on|monitor(?:ing)?|in (?:the|our) queue|as (?:soon|quickly) as (?:possible|we can|i can)|asap|shortly|soon|(?:forwarded|escalated|referred|raised|logged|flagged) (?:it |this |your \w+ )?(?:to|with) (?:the|our|a) (?:relevant|appropriate|right|responsible|correct)?\s*(?:team|department|people|person|colleagues?)|(?:will|'ll) be in touch|(?:someone|somebody|a member of (?:the|our) team|one of (?:our|the) \w+)(?: (?:from|in|on) (?:the|our) \w+)? will|(?:will|'ll) (?:\w+ )?(?:investigate|review|assess|evaluate|examine|revert|get round to)|(?:usual|normal|standard|regular) (?:timeframe|time ?frame|timescales?|turnaround|processing time|process|order|way)|in (?:the )?order (?:received|of receipt|they (?:were|are) received)|(?:have|'ve) (?:logged|raised|opened|created|filed|submitted) (?:a|an|the) (?:ticket|case|request|report|complaint)|(?:has|have) been (?:logged|noted|recorded|forwarded|passed on|raised|escalated)|(?:we'?re|we are|i'?m|i am|(?:the|our) (?:\w+ )?(?:team|engineers?|technicians?|developers?|department)) (?:(?:is|are) )?(?:now |currently |still |actively |hard )?(?:working|looking) (?:on|into|hard)|aware of (?:the|this|it)|(?:will|'ll) (?:\w+ )?(?:be )?(?:resolved|fixed|sorted|dealt with|handled|looked at)(?! (?:by|within|on|today|tomorrow|tonight))|(?:is|are) being (?:looked|dealt|handled)|under (?:review|investigation)|with the (?:\w+ )?team)\b/;
/** A time makes a vague motion concrete ("I'll look into it and reply by 3pm"). */
export const TIME =
  /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|within (?:the hour|an hour|\d+|a few|one|two|24|48|the next)|by (?:\d|noon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of|the end|eod|tomorrow)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in \d+ (?:minutes|hours|days)|\d{1,2}(?::\d{2})? ?(?:am|pm)|\[time\]|right (?:away|now)|now)\b/;
/** Redirecting the work to the customer is not a next step ("you should", "do it yourself"). */
export const CUSTOMER_CHORE = /\byou should\b|\bbe patient\b|\bbefore (?:contacting|writing|complaining|travell?ing|emailing|calling|reaching out|submitting|locking|confirming|asking|you (?:\w+ )?(?:contact|write|complain|book|order|travel))\b|\b(?:refer to|consult) (?:our|the) \w+|\b(?:see|check|read) (?:our|the) (?:help ?cent(?:er|re)|faq|terms|policy|docs|documentation|knowledge base|manual|guide)\b|\byourself\b|\bcheck (?:that|if|whether) you\b|(?:^|\bplease |\byou (?:need|have) to |\byou must )make sure (?:that )?you\b|\bit'?s your (?:responsibility|job)\b|\bget the right\b|\bbuy (?:another|a new)\b|\b(?:contact|call|phone|email|ring|ask|reach out to|get in touch with|speak to|talk to|take (?:it|this|that) up with|raise (?:it|this|that) with|check with|file a (?:claim|complaint|report) with) (?:the|your|their) (?!(?:team|me|us)\b)\w+|\b(?:you(?:'ll| will)?|you'd) (?:need|have|want) to\b|\byou may (?:want|wish|need|have) to\b|\b(?:feel free|you(?:'re| are) (?:welcome|free)) to\b|\b(?:check|look in|search) (?:your|the) (?:spam|junk|inbox|email|e-mail|settings|account|statement|bank|details|schedule|tracking|order history|manual)\b|\bit'?s up to you\b|\bup to (?:the|your) (?:courier|carrier|bank|seller|manufacturer|insurer|provider)\b|\bplease (?:wait|allow)\b|\byou (?:can|could) (?:always |also )?(?:try|contact|call|email|ask|check|submit|file|open|raise|request|apply|look|search|read|visit|resubmit|reapply|go)\b/;

/** The agent is the one acting in this sentence, so a chore word names their own work ("I'll check the tracking"). */
export const AGENT_ACTS = /\b(?:i'?ll|i will|we'?ll|we will|let me|let us|i'?m going to|we'?re going to|i'?ve|we'?ve|i have|we have)\b/;

/** Door-opening closers: courteous, but not a step ("let us know if you need anything else"). */
export const PLEASANTRY =
  /\b(?:let (?:me|us) know|feel free to (?:reach out|contact (?:me|us)|ask|get in touch|write)|don'?t hesitate to (?:contact|reach out|ask|get in touch)|(?:reach out|get in touch|contact (?:me|us)|reply|write (?:back|to us))) (?:again )?(?:if|should|whenever|any ?time|with any)\b[^.!?]*?\b(?:anything(?: else)?|any (?:other |more |further )?(?:questions?|problems?|issues?|concerns?)|else|further (?:help|assistance|questions?)|more help|other questions?|help)\b[^.!?]*|\bhope (?:this|that) helps\b/;

/** Step 9: checking back or keeping the door open. */
export const FOLLOW_UP =
  /\b(?:i'?ll|i will|we'?ll|we will) (?:\w+ ){0,2}?(?:check in|follow up|call you|phone you|email you|update you|confirm|keep you (?:posted|updated)|let you know|be in touch|touch base|send you an update)\b|\b(?:reply (?:here|to this)|let (?:me|us) know|get in touch|reach me|contact me|any (?:other )?questions|don'?t hesitate)\b|\bmake sure (?:it|this|everything|the \w+)(?: (?:is|has))? (?:work|hold|fix|ok|okay|sort)/;

/** Step 4: restating the problem and inviting correction. */
export const RESTATE = /\b(?:so,? (?:if i understand|to (?:make sure|confirm))|if i understand (?:you )?correctly|just to (?:confirm|make sure|check)|is that (?:right|correct)\??|did i get that right|am i right)\b/;

/** Step 8: over-promising words (the phrase rules flag them; this only marks the checklist). */
export const OVERPROMISE = /\b(?:guarantee[ds]?|never (?:happen|occur) again|100 ?%|won'?t (?:ever )?happen again|i promise|we promise)\b/;
