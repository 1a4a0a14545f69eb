// Round 4 of unseen phrasings (recall of defensive and blame), written from the underlying moves rather
// than from sentences: citing a record the customer received or approved as proof, asserting one's own
// compliance or timeliness, correcting the customer's account, justifying with process, insisting the
// work was fine; and locating the cause in the customer's action, inaction, choice, equipment, reading or
// timing, in any tense or voice. Voices: legal/formal, terse, hospitality, trades, marketplace
// freelancers, B2B SaaS, non-native English. Each flagged draft has a clean look-alike that owns the
// problem, troubleshoots kindly, brings good news or states a neutral fact. Written for this file.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';

type Case = [customer: string, reply: string, category: string];
type Clean = [customer: string, reply: string, notCategories: string[]];

/** Categories shown as a warning or error for a reply to this customer. */
function shown(customer: string, reply: string): string[] {
  return analyze({ reply, customer }).findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.category);
}

const DB = ['defensive', 'blame'];

const FLAG: Case[] = [
  // defensive: a record the customer received, signed or approved held up as proof
  ["Your firm failed to notify me of the hearing date.", "Dear Mr. Adeyemi, I note your concerns. For the avoidance of doubt, notice of the hearing was served on you by recorded delivery on 14 February, and receipt was signed for at your address. We will forward a copy of the signed slip.", "defensive"],
  ["The article you wrote is bland and off-brief.", "Hi Jo, I'm sorry it's not what you hoped. The draft follows the outline you approved on Monday point by point. Happy to revise the tone if you send me two examples you like.", "defensive"],
  ["You sent me wrong colour!!", "Hello sir, we checked and the colour we send is same as the picture you confirm in chat. If you want other colour we can exchange.", "defensive"],
  ["You have overcharged me for the consultation.", "Dear Ms. Grant, the fee charged is in accordance with the engagement letter you countersigned on 3 June. We trust this clarifies the matter.", "defensive"],
  ["The room wasn't ready when we arrived at 2pm and we had to wait.", "Dear Ms. Patel, I'm sorry for the wait. Check-in starts at 3pm, as your confirmation email showed, so the room was ready on time. Please enjoy a welcome drink on us on your next visit.", "defensive"],
  ["Your API changes broke our integration without warning.", "Hi team, the change was announced in our changelog and in the developer newsletter six weeks in advance, per our deprecation policy. I can help you migrate the calls today.", "defensive"],
  // defensive: own compliance, standards, timeliness
  ["Refund took 10 days, not acceptable.", "Refund was issued within the 14 days stated in our terms.", "defensive"],
  ["The new boiler is making a banging noise, your fitter did a bad job.", "Hi Mr. Collins, sorry to hear about the noise. The installation was completed to manufacturer specification and passed its gas safety check on the day. I can send an engineer on Thursday to take a look.", "defensive"],
  ["Your outage cost us a full day of sales.", "Hi Marco, I understand the impact. Our uptime for the month remains well within the 99.9% SLA in your contract. I'll share the incident report by Friday.", "defensive"],
  ["The restaurant ignored my allergy and I got ill.", "Dear Mr. Ito, our kitchen follows strict allergen procedures and all of our staff are trained in them. I'd like to invite you back as our guest.", "defensive"],
  ["The paint is peeling after a month.", "Hi Sue, sorry about that. We used premium paint and applied two coats exactly as the manufacturer recommends. I'll come by Monday to look.", "defensive"],
  // defensive: correcting the customer's account
  ["I was charged a late fee but I paid on time.", "Hi Ken, I've looked into this. Your payment reached us on the 3rd, two days after the due date, so the late fee stands.", "defensive"],
  ["Your driver was rude and threw my parcel.", "Hi Dev, thanks for telling us. Our driver's camera shows the parcel being placed down, not thrown. I'll still pass your feedback on to the depot.", "defensive"],
  ["Still no invoice.", "Invoice went out on the 2nd. Check again.", "defensive"],
  // defensive: justifying with process
  ["Why do I have to verify my ID again? This is ridiculous.", "Hi Sara, I hear you. That's simply how our verification process works, and every customer goes through it. You can upload the photo from the app in a minute.", "defensive"],
  ["There is a £200 hold on my card, nobody told me!", "Dear Mr. Lowe, a pre-authorisation hold is standard practice across the hotel industry and is released automatically at checkout.", "defensive"],
  // defensive: insisting the work or product was fine
  ["The cake collapsed on the way to the venue.", "Hi Abby, I'm sorry to hear that. The cake was perfectly stable when it left our kitchen, we photographed it before handover. I'd like to offer you a discount on your next order.", "defensive"],
  // blame: passive voice, the customer's action
  ["My flight booking has the wrong date!", "Hi Maya, I'm sorry for the stress. The wrong date was entered when the booking was made online. I've asked the airline about a free change.", "blame"],
  ["Half our team lost access this morning!", "Hi Priya, according to the audit log the seats were removed by an admin on your account at 08:12. I've restored them now.", "blame"],
  // blame: the form / the instructions told you
  ["Why was only one guest registered? My husband had to pay extra.", "Dear Mrs. Fox, the booking form asks you to enter the number of guests, and only one guest was selected. I've refunded the extra charge today.", "blame"],
  ["The glue didn't hold, the tiles fell off.", "Hi Pete, sorry to hear it. The instructions say to leave the adhesive for 24 hours before grouting. I can send a replacement tub.", "blame"],
  ["The jacket shrank after one wash!", "Hello madam, this is happen because you wash in hot water, the label say 30 degree only. We can give 20% discount.", "blame"],
  // blame: your responsibility / since you / as you / had you
  ["The site was down for two days because the domain expired.", "Hi Alex, renewing the domain was your responsibility under our hosting agreement. I've renewed it now and the site is back.", "blame"],
  ["My parcel was returned to sender.", "Hi Ola, since you weren't home for either delivery attempt, the courier sent it back to us. I'll reship it tomorrow at no cost.", "blame"],
  ["I missed the early-bird price by one day!", "Hi Finn, had you booked before Friday the discount would have applied. I can offer 10% off instead.", "blame"],
  ["My order is taking forever.", "Hi Zoe, as you chose economy shipping at checkout, delivery takes up to 10 working days. I'll ask the warehouse to prioritise it.", "blame"],
  // blame: equipment, setup, choice, timing
  ["The app keeps freezing on my phone.", "Hi Raj, your phone is running an Android version we stopped supporting last year, which is why the app freezes. Here's how to get the web version.", "blame"],
  ["You cancelled my appointment without telling me!", "Hi Liam, the appointment was released because the deposit wasn't paid by the deadline. I'd be glad to rebook you this week.", "blame"],
  ["The translation was delivered late and we missed the print deadline.", "Hi Greta, the source files were only sent to me on Thursday evening, three days after the date we agreed. I'll have the final version to you by noon.", "blame"],
  ["The dishwasher you installed is leaking.", "Hi Tom, the leak is coming from the old tap connector, which you asked us to leave in place to save cost. I can replace it on Friday.", "blame"],
  ["I was refused boarding and lost my holiday.", "Dear Mr. Cole, the conditions of carriage require passengers to present at the gate 30 minutes before departure, and you arrived at 10:42. We are therefore unable to offer compensation.", "blame"],
  ["There was no parking when we arrived, after a five-hour drive.", "Dear Ms. Hale, parking must be reserved in advance, which wasn't done for your stay. I'll reserve a space for tonight.", "blame"],
  ["My bespoke suit isn't ready for the wedding!", "Hi Josh, the final fitting was booked only a week before the wedding, which left us very little time. We're working on it through the weekend.", "blame"],
  ["The payment failed again!", "Hi Nora, the decline is on your side, your bank rejected the card. Could you try another card?", "blame"],
  ["Wrong address on the parcel.", "That's the address on your account.", "blame"],
  ["My photos from the shoot are blurry.", "Hi Kim, the blur comes from the low light in the venue you picked, there was nothing more I could do with it. I'll send you the RAW files if you want to try editing them.", "blame"],
  // second batch: the same moves in other words (sign-off you attended, as arranged, inspected before dispatch, by your team, the box wasn't ticked)
  ["The kitchen fitter left a mess and the doors don't close.", "Hi Mrs. Dunn, the doors were aligned and closing properly at the sign-off walk-through you attended. I can send someone on Tuesday.", "defensive"],
  ["Your app charged me for a year instead of a month!", "Hi Ray, the annual plan was selected on the checkout screen, and the price was shown before payment. I've started a refund for the difference.", "blame"],
  ["The tour guide never showed up.", "Dear Mr. Novak, our guide was at the meeting point at 9:00 as arranged and waited 20 minutes. I'd like to offer you a place on tomorrow's tour.", "defensive"],
  ["I can't believe you lost my dry cleaning.", "Hi Ann, we have no record of the garment being dropped off, and every item is tagged on arrival. Could you check if you have the ticket?", "defensive"],
  ["My car still makes the same noise after your service!", "Hi Phil, the noise is from the aftermarket exhaust you had fitted elsewhere, which we didn't touch. I can take a look on Friday if you like.", "blame"],
  ["The logo files you sent don't open.", "Hi Bea, the files open fine in Illustrator, so it may be the software you are using. I'll export PDFs too.", "blame"],
  ["I was charged for extra guests who weren't there.", "Dear Ms. Olsen, the booking was made for four guests, and that's what was charged. Let me know if the number changed.", "blame"],
  ["The shelf you installed fell down!", "Hi Joe, the shelf was rated for 20kg and it looks like it was loaded with far more than that. I'll come and refit it with stronger brackets.", "blame"],
  ["Your invoice is wrong, I never agreed to the extra hours.", "Hi Carla, the extra hours were agreed by your project manager in writing on 4 April. I'm happy to share the email thread.", "blame"],
  ["The dress I rented had a stain.", "Hi Mia, the dress was inspected and cleaned before dispatch, and no stain was noted. Please send a photo and I'll look into it.", "defensive"],
  ["My website went down during our sale!", "Hi Oscar, the outage happened because the plugin update was installed by your team without testing it on staging first. I've rolled it back.", "blame"],
  ["Your technician was rude to my mother.", "Hi Helen, our technicians are assessed every quarter and we've had nothing but positive feedback about Mark. I'll speak to him today.", "defensive"],
  ["I ordered vegan and got chicken!", "Hi Sam, the order came through as a regular meal, the vegan box wasn't ticked. I've sent a replacement.", "blame"],
  ["Why was I charged a cancellation fee?", "Dear Mr. Ross, the cancellation was received 12 hours before the class, inside the 24-hour window, so the fee applies.", "blame"],
];

const CLEAN: Clean[] = [
  ["My flight booking has the wrong date!", "Hi Maya, I'm so sorry. The wrong date was entered on our side, and that's our mistake. I've corrected it and the airline confirmed there's no fee.", DB],
  ["Why was only one guest registered? My husband had to pay extra.", "Dear Mrs. Fox, I'm sorry. Our booking form doesn't make the guest count clear, and I've refunded the extra charge today. We're changing the form this week.", DB],
  ["The glue didn't hold, the tiles fell off.", "Hi Pete, I'm sorry the tiles came away. If it helps for the re-fix, the adhesive works best when it's left 24 hours before grouting. I'm sending a replacement tub today, on us.", DB],
  ["The site was down for two days because the domain expired.", "Hi Alex, I'm sorry. Renewing the domain was our responsibility and the reminder never went out. I've renewed it for five years at our cost.", DB],
  ["My parcel was returned to sender.", "Hi Ola, I'm sorry it came back to us. I'll reship it tomorrow at no cost, and you can pick a delivery day in the tracking link.", DB],
  ["I missed the early-bird price by one day!", "Hi Finn, I understand, one day is frustrating. I've applied the early-bird price anyway; you'll see the difference refunded by Friday.", DB],
  ["My order is taking forever.", "Hi Zoe, I'm sorry for the wait. Your order is with the courier and due Thursday; I've asked them to prioritise it and I'll send you the tracking link today.", DB],
  ["The app keeps freezing on my phone.", "Hi Raj, sorry about the freezing. This is a bug in our latest update on older Android versions, our mistake, and a fix ships tomorrow. Until then the web version works.", DB],
  ["You cancelled my appointment without telling me!", "Hi Liam, I'm sorry. Our system released your slot and nobody called you first, which should have happened. I've rebooked you for Thursday at 10 and waived the deposit.", DB],
  ["The jacket shrank after one wash!", "Hello madam, so sorry for this. The jacket should not shrink, it is our quality problem. We send you new one today, no need to return.", DB],
  ["The translation was delivered late and we missed the print deadline.", "Hi Greta, I'm sorry I missed the deadline. I underestimated the length. The final version will be with you by noon, and I've taken 20% off the invoice.", DB],
  ["Half our team lost access this morning!", "Hi Priya, I'm sorry for the disruption. I've restored all 14 seats. If it happens again, the audit log under Settings shows every change, and I'm happy to go through it with you.", DB],
  ["The dishwasher you installed is leaking.", "Hi Tom, I'm sorry about the leak. Our fitter should have replaced the old tap connector. I'll come on Friday and replace it free of charge.", DB],
  ["I was refused boarding and lost my holiday.", "Dear Mr. Cole, I am sorry you were unable to travel. I have rebooked you on the 18:05 flight today and our desk staff will meet you at gate 12.", DB],
  ["There was no parking when we arrived, after a five-hour drive.", "Dear Ms. Hale, I'm sorry there was no space after such a long drive. I've reserved a space for you for the rest of your stay at no charge.", DB],
  ["My bespoke suit isn't ready for the wedding!", "Hi Josh, I'm sorry for the worry. We're working on it through the weekend and it will be ready for collection on Friday at 5pm.", DB],
  ["The payment failed again!", "Hi Nora, sorry for the hassle. The payment didn't go through and you haven't been charged. I've sent you a new payment link that takes other cards too.", DB],
  ["Your firm failed to notify me of the hearing date.", "Dear Mr. Adeyemi, I am sorry that you did not receive notice of the hearing. We will apply for a new date this week and send you the details by recorded delivery and by email.", DB],
  ["Refund took 10 days, not acceptable.", "Sorry for the wait. Refund went out today, expect it in 2 to 3 days.", DB],
  ["The room wasn't ready when we arrived at 2pm and we had to wait.", "Dear Ms. Patel, I'm sorry you had to wait for your room. Check-in usually starts at 3pm, but we should have told you that clearly when you booked. Please enjoy a welcome drink on us next time.", DB],
  ["The new boiler is making a banging noise, your fitter did a bad job.", "Hi Mr. Collins, I'm sorry about the noise. A banging noise usually means air in the system, which we should have bled at installation. I've booked an engineer for Thursday to sort it.", DB],
  ["The article you wrote is bland and off-brief.", "Hi Jo, I'm sorry it missed the mark. I'll rework the tone and send a new draft by Friday; two examples you like would help me a lot.", DB],
  ["Your outage cost us a full day of sales.", "Hi Marco, I'm sorry, a full day of lost sales is serious. I'll share the incident report by Friday and I've applied a service credit to your account.", DB],
  ["You sent me wrong colour!!", "Hello sir, very sorry, we send wrong colour. We ship correct one today and you keep the other, no need return.", DB],
  ["I was charged a late fee but I paid on time.", "Hi Ken, I've looked into this and removed the late fee. Your payment reached us on the 3rd because of a bank delay, so I've also added a grace period to your account.", DB],
  ["Why do I have to verify my ID again? This is ridiculous.", "Hi Sara, I hear you, it's annoying to do it twice. The first check failed on our side, so I've cleared it and you won't be asked again.", DB],
  ["There is a £200 hold on my card, nobody told me!", "Dear Mr. Lowe, I'm sorry nobody explained the £200 hold at check-in, we should have. I've asked the bank to release it today.", DB],
  ["The cake collapsed on the way to the venue.", "Hi Abby, I'm so sorry, that must have been awful on the day. I've refunded the cake in full and I'd love to make it up to you.", DB],
  ["Your driver was rude and threw my parcel.", "Hi Dev, thanks for telling us, and I'm sorry. I've passed this to the depot manager and asked for the driver's camera footage; I'll update you by Wednesday.", DB],
  ["Still no invoice.", "Sorry, resending the invoice now. Should be with you in 5 min.", DB],
  ["You have overcharged me for the consultation.", "Dear Ms. Grant, thank you for raising this. I have reviewed the invoice and the consultation was billed at the wrong rate; a corrected invoice is attached.", DB],
  ["Your API changes broke our integration without warning.", "Hi team, I'm sorry the change broke your integration; we should have emailed every API user directly. I can help you migrate the calls today and we've extended the old endpoint for 30 days.", DB],
  ["The restaurant ignored my allergy and I got ill.", "Dear Mr. Ito, I am truly sorry. This should never have happened, and I have started a full review with our head chef. I'd like to invite you back as our guest.", DB],
  ["The paint is peeling after a month.", "Hi Sue, sorry about that. Peeling that early usually means damp in the wall, and we should have checked for it. I'll come by Monday to fix it at no charge.", DB],
  ["When will my order arrive?", "Hi Bea, good news: it shipped this morning and the courier expects to deliver on Friday.", DB],
  ["Did you receive my form?", "Yes, we received your form on 12 May and everything is in order. Your policy starts on 1 June.", DB],
  ["Can I use my own router?", "Hi Sam, yes, any router that supports PPPoE works. The setup guide walks you through it, and I'm happy to help on a call.", DB],
  ["My photos from the shoot are blurry.", "Hi Kim, I'm sorry, the venue was darker than I planned for and I should have brought more light. I'll re-edit the best ones and send them by Friday.", DB],
  ["Hey, quick question, is the new version out?", "Hi Tara, yes, it came out this morning. The release notes are on the blog.", DB],
  ["My parcel is late.", "Hi Jon, I'm sorry it's late. The courier had a van breakdown in your area, and I've asked them to deliver first thing tomorrow.", DB],
  ["The fridge is still not cold.", "Hi Ade, I'm sorry it's still not cold. When our engineer visited, the fan tested fine, so it may be the thermostat; I'm sending him back on Monday with a new one.", DB],
  ["The booking shows the wrong name.", "Hi Lou, thanks for spotting that. The name was entered wrongly by me when I took your call, and I've corrected it now.", DB],
  ["Can I get an invoice for my order?", "Of course, Ivy. The invoice is attached, and you can download future ones from your account page.", DB],
  ["The heating stopped again.", "Hi Mo, I'm so sorry. Because you had to wait all weekend, I've credited a week of rent and the engineer comes at 8am.", DB],
  ["Is the hotel pool open in winter?", "Dear Mr. Ali, yes, the indoor pool is open all year from 7am to 10pm, and guests can book a lane at reception.", DB],
  ["The sofa colour is not what I ordered!", "Hi Pia, I'm sorry, we sent the wrong colour. The one you ordered is in stock and will go out tomorrow; the courier will collect the other one.", DB],
  ["You never sent the contract.", "Hi Dan, you're right, I can't find it in our sent folder either, so that's on me. Here it is, and I've set a reminder so it won't happen again.", DB],
];

describe('recall round 4: unseen defensive and blame moves are flagged', () => {
  it.each(FLAG)('%s → %s', (customer, reply, category) => {
    expect(shown(customer, reply)).toContain(category);
  });
});

describe('recall round 4: clean look-alikes stay quiet', () => {
  it.each(CLEAN)('%s → %s', (customer, reply, notCategories) => {
    const got = shown(customer, reply);
    for (const c of notCategories) expect(got).not.toContain(c);
  });
});
