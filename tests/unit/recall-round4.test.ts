// Round 4 of unseen phrasings (recall of defensive and blame), written from the underlying moves rather
// than from sentences: citing a record the customer received or approved as proof, asserting one's own
// compliance or timeliness, correcting the customer's account, justifying with process, insisting the
// work was fine; and locating the cause in the customer's action, inaction, choice, equipment, reading or
// timing, in any tense or voice. Voices: legal/formal, terse, hospitality, trades, marketplace
// freelancers, B2B SaaS, non-native English. Each flagged draft has a clean look-alike that owns the
// problem, troubleshoots kindly, brings good news or states a neutral fact. Written for this file.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

type Case = [customer: string, reply: string, category: string];
type Clean = [customer: string, reply: string, notCategories: string[]];

/** Categories shown as a warning or error for a reply to this customer. */
function shown(customer: string, reply: string): string[] {
  return analyze({ reply, customer }, RULES_ONLY).findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.category);
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
  // third batch: consent by ticking, 'as we asked', non-native agents, end-of-life servers, 'you signed it on'
  ["I never agreed to auto-renewal!", "Dear Ms. Ford, by ticking the box at registration you consented to automatic renewal under clause 7.2.", "blame"],
  ["The plumber flooded my bathroom.", "Hi Ken, the flooding happened because the stopcock had not been turned off before our plumber arrived, as we asked. I'm sending someone this afternoon.", "blame"],
  ["My hair colour came out orange!", "Hi Lea, the colour was mixed to the shade you pointed to in the book, so the result matches your choice. I can book you in for a toner.", "defensive"],
  ["Delivery missed again, third time.", "Sir, driver come at 2pm, nobody open door, he wait 10 minute. We try again tomorrow.", "blame"],
  ["Why was my account suspended?", "Hello, your account suspended because you not verify your phone in 7 days, the email tell you this. Please verify now.", "blame"],
  ["The gig was cancelled and I lost my deposit.", "Hi Arjun, per section 4 of the booking agreement, deposits are forfeited when the client cancels within 30 days. You signed it on 2 May.", "defensive"],
  ["The code you delivered doesn't work on our server.", "Hi Pam, the code works on every environment I tested, including the staging server you gave me access to. Your production server runs PHP 7, which is end of life.", "blame"],
  ["The plants you supplied all died.", "Hi Geoff, the plants were healthy on delivery and need watering daily in the first month, which the care sheet explains. I'll send two replacements.", "blame"],
  ["I was billed for a meeting room I didn't use.", "Dear Mr. Shah, the room was reserved under your company's account and not released before the 24-hour deadline.", "blame"],
  ["You didn't finish the garden you quoted for.", "Hi Tim, everything in the quote was completed. The patio was never part of it, it was discussed but you decided against it.", "defensive"],
  ["Your software deleted our client list.", "Hi Rosa, nothing is deleted by the software on its own; a delete action was performed from a user logged in on your side at 16:02.", "blame"],
  ["Our order has been stuck for two weeks.", "Hi Ben, sorry for the wait. It's stuck at customs because the commercial invoice you provided was missing the HS codes. I've emailed the broker to help.", "blame"],
  ["The report you wrote is full of errors.", "Hi Karl, the figures in the report are the ones from the spreadsheet your team sent over, which I used as-is. I'm happy to rerun it with corrected data.", "blame"],
  // fourth batch: B2B and legal (client-side, the onus is on, pursuant to), hospitality, terse, non-native
  ["Our SSO stopped working after your update!", "Hi Marta, the SSO certificate is managed client-side, and it expired on your identity provider on 1 March. Happy to join a call with your IT team.", "blame"],
  ["The contract renewal price is outrageous.", "Dear Mr. Hale, pursuant to clause 9, the renewal price was notified to you in writing 90 days before renewal, and no objection was received.", "defensive"],
  ["The container arrived with water damage.", "Hi Jan, the onus is on the consignee to arrange insurance for sea freight. We'll share the bill of lading for your claim.", "blame"],
  ["The kitchen extension is leaking!", "Hi Dev, the roof membrane was specified by your architect, and we installed exactly what was on the drawings.", "blame"],
  ["The website copy has typos everywhere.", "Hi Nell, the copy was pasted in from the document your marketing team supplied. I'll fix the typos today.", "blame"],
  ["You overcharged me for the taxi.", "Hi, the fare is calculated by the meter and was shown to you on the screen before you paid.", "defensive"],
  ["The invoice is wrong!!", "Invoice is correct. Check the hours on the timesheet you signed.", "defensive"],
  ["Your team keeps missing our deadlines.", "Hi Carl, every deadline this quarter was met once the assets were in our hands; the delays came from approvals on your side.", "blame"],
  ["My shoes fell apart after a week.", "Hello, we sell thousands of these shoes and nobody else have this problem. Maybe you wear them in rain?", "defensive"],
  ["Your support is useless, nobody helped me.", "Hi Pete, our team replied within two hours each time, and all replies are in your ticket history.", "defensive"],
  ["The car you sold me has a warning light on.", "Hi Sunil, the car passed a full 120-point inspection before sale, and the light came on after you drove it for 2,000 miles.", "defensive"],
  // fifth batch: previous builder, followed your instruction, would have seen, provisioned in your console
  ["The bathroom tiles are cracking.", "Hi Owen, the tiles were laid on the floor your previous builder put down, which wasn't level. I can quote for relaying it.", "blame"],
  ["You billed us for 50 seats but we only use 30!", "Hi Grace, seats are billed on the number provisioned, and 50 are provisioned in your admin console. I can reduce it today.", "blame"],
  ["The booking was for the wrong week!", "Dear Mr. Bell, the dates on the booking are those entered at the time of reservation. I have checked availability for your preferred week.", "blame"],
  ["I want a refund, the course was useless.", "Hi Mira, the course content is described in detail on the sales page, which you would have seen before purchasing.", "blame"],
  ["My delivery was left outside in the rain.", "Hi Ali, the safe place option on your account says 'leave at back door', so the driver followed your instruction.", "blame"],
  ["The painter missed spots everywhere.", "Hi Rae, our painter signed off the job with your husband, who walked round and was happy with it.", "defensive"],
  ["The repair took three weeks!", "Hi Leo, the repair took three weeks because the part had to be ordered once you approved the quote, which was 10 days after we sent it.", "blame"],
  ["The car I rented broke down.", "Dear Mr. Tan, the vehicle had a full service the day before your rental, and the breakdown report shows the engine overheated due to low coolant, which renters must check daily under the rental terms.", "blame"],
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
  ["Why is my delivery late?", "Hi Joan, I'm sorry, it's late because of a mistake in our warehouse. It's now on the van and you'll have it by 6pm.", DB],
  ["Do you have the blue one in stock?", "Hi Ed, yes, we have three left, and if you order by 2pm it ships today.", DB],
  ["The boiler is making noise again.", "Hi Val, I'm sorry it's back. The noise usually comes from a sticking valve, and our engineer will replace it on Thursday morning.", DB],
  ["Why did my bill go up?", "Hi Lily, sorry for the surprise. The increase is the annual price change, and we should have written to you about it. I've moved you to a cheaper plan that saves \u00a34 a month.", DB],
  ["I can't log in.", "Hi Rob, sorry about that. I've reset your password; the link in the email works for 24 hours, and I'm here if it gives you any trouble.", DB],
  ["Your driver damaged my gate.", "Dear Mr. Kay, I am very sorry. Our driver reported it himself, and we will pay for the repair in full. Please send us the quote when you have it.", DB],
  ["The parcel was signed for by someone I don't know.", "Hi Zara, I'm sorry, that's worrying. I've opened an investigation with the courier and I'm sending a replacement today, so you don't have to wait for the outcome.", DB],
  ["Can you confirm my booking?", "Dear Mrs. Lin, your booking for two nights from 3 June is confirmed, and the confirmation email is on its way.", DB],
  ["Is the event still happening?", "Hi all, yes! The event goes ahead on Saturday as planned, doors open at 6pm.", DB],
  ["I can't find the email.", "Hi Jo, since you didn't get the email, I've resent it to both your addresses.", DB],
  ["Is this the right part?", "Yes, the part we sent matches your order exactly, so you're all set.", DB],
  ["The router keeps dropping.", "Hi Ana, sorry about the drops. The manual says to restart it after updates, so could you try that? If it keeps happening I'll send an engineer.", DB],
  ["The tap is still dripping.", "Hi Bill, I'm sorry. The washer we fitted was the wrong size, that's our mistake, and I'll be there Monday at 9 to replace it.", DB],
  ["My order never came.", "Hi Eve, I'm so sorry. Nobody from our courier turned up, and I've sent a new parcel by next-day delivery.", DB],
  ["Why was I charged twice?", "Hi Max, I'm sorry, the second charge was made by our system in error. I've refunded it and you'll see it in 3 days.", DB],
  ["The hotel room was cold.", "Dear Ms. Reed, I'm sorry. The heating in your room was not working and our staff should have noticed. I've refunded one night.", DB],
  ["The sofa leg broke.", "Hi Ola, I'm sorry! That shouldn't happen. A new leg is on its way and the fitting takes two minutes; the instructions are in the box.", DB],
  ["Can I change my booking?", "Of course. Your booking was made for two guests; I've changed it to three as you asked, at no extra charge.", DB],
  ["The app crashes.", "Hi Lee, sorry about that. Your phone is running an older version of the app, so I've sent you a link to update, which should fix it.", DB],
  ["I didn't get a refund.", "Hi Kit, I'm sorry. The refund was not sent before the deadline we promised, which is on us. It went out this morning.", DB],
  ["The photos are late.", "Hi Ray, I'm sorry for the wait. Your gallery will be ready on Friday, and I've added five bonus edits.", DB],
  ["Thanks for the quick fix!", "You're welcome, Dan! It was working fine when I checked this morning, so you should be all set.", DB],
  ["My account was hacked.", "Hi Ada, I'm so sorry. I've locked the account and reset your password, and our security team is reviewing the logins now. I'll update you by 5pm.", DB],
  ["Where is my order?", "Hi Jen, it left our warehouse this morning and the courier expects to deliver on Thursday. Here's the tracking link.", DB],
  ["The contract price went up.", "Dear Mr. Hale, I'm sorry the increase came as a surprise. I've applied last year's price for another six months while we review your plan together.", DB],
  ["The SSO stopped working.", "Hi Marta, sorry for the disruption. The certificate expired, and I've sent your IT team the steps to renew it; I'm also on call today if they'd like help.", DB],
  ["The dress doesn't fit.", "Hi Amy, I'm sorry it doesn't fit. I've sent a free return label and a size up goes out today, so you'll have it by Friday.", DB],
  ["The software won't install.", "Hi Rob, sorry about that. The installer needs admin rights, which is our oversight in the guide; I've sent you a version that doesn't.", DB],
  ["My order is missing an item.", "Hi Nia, I'm sorry, our packer missed it. It's on its way now by next-day delivery.", DB],
  ["The cleaner didn't come.", "Hi Bo, I'm so sorry. Our cleaner was ill and we failed to let you know. She'll come tomorrow at 10, and this clean is free.", DB],
  ["Did my booking go through?", "Hi Tom, yes! You should have received a confirmation email with the details a few minutes ago.", DB],
  ["Is 2FA on?", "Hi Sue, yes, two-factor login is enabled on your account.", DB],
  ["How is the fare worked out?", "Hi Pat, the fare is calculated by the meter, and you'll get a receipt by email after every trip.", DB],
  ["Is the room non-smoking?", "Dear Mr. Cho, yes, all our rooms are non-smoking and are cleaned between every stay.", DB],
  ["Can you confirm my seat count?", "Hi Lia, you have 50 seats provisioned in your admin console, and you can lower it any time.", DB],
  ["Is my payment confirmed?", "Hi Dan, yes, your payment was received and your plan is active until June.", DB],
  ["The lamp arrived broken.", "Hi Ola, I'm so sorry! We'll send a new one today; no need to return the broken one.", DB],
  ["Can you explain my bill?", "Hi Ken, of course. The total is made up of your monthly plan and two add-ons you selected in March; I've attached a breakdown.", DB],
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
