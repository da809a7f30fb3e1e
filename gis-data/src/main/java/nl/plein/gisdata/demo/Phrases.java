package nl.plein.gisdata.demo;

import java.util.List;

/** Short texts around proposals: comments, decisions, variants and moderation, in Dutch and English. */
final class Phrases {

    private Phrases() {}

    /** A sentence in both languages; the generator picks the language of the thread. */
    record Bilingual(String nl, String en) {

        String in(boolean english) {
            return english ? en : nl;
        }
    }

    private static Bilingual b(String nl, String en) {
        return new Bilingual(nl, en);
    }

    static final List<Bilingual> COMMENTS = List.of(
            b("Goed idee, dit steun ik!", "Great idea, I fully support this."),
            b("Mooi plan, maar wie gaat het onderhouden?", "Nice plan, but who is going to maintain it?"),
            b("Ik woon hier vlakbij en mis dit al jaren.", "I live around the corner and have missed this for years."),
            b("Is hier wel genoeg ruimte voor? De stoep is al smal.",
                    "Is there really enough room? The pavement is narrow already."),
            b("Graag rekening houden met rolstoelen en kinderwagens.",
                    "Please keep it accessible for wheelchairs and prams."),
            b("Wat gaat dit ongeveer kosten?", "Roughly how much would this cost?"),
            b("Ja! En dan graag ook wat meer groen eromheen.", "Yes! And some more greenery around it, please."),
            b("Ik ben bang dat dit 's avonds overlast geeft.", "I'm worried this will attract noise in the evening."),
            b("Mijn kinderen zouden dit geweldig vinden.", "My children would love this."),
            b("Liever iets verderop; hier staat op zaterdag de markt.",
                    "Better a bit further along; the market is here on Saturdays."),
            b("Eindelijk iemand die dit voorstelt.", "Finally someone suggests this."),
            b("Goed plan, maar denk ook aan de bereikbaarheid voor de brandweer.",
                    "Good plan, but remember the fire brigade needs to get through."));

    static final List<Bilingual> REPLIES = List.of(
            b("Eens, en het hoeft niet duur te zijn.", "Agreed, and it doesn't have to be expensive."),
            b("Goed punt, daar had ik niet aan gedacht.", "Good point, I hadn't thought of that."),
            b("Volgens mij is er ruimte genoeg als er twee parkeerplekken verdwijnen.",
                    "I think there is room enough if two parking spaces go."),
            b("Misschien kunnen we als buurt helpen met het onderhoud?",
                    "Maybe the neighbourhood could help with the upkeep?"),
            b("Ik denk juist dat het de overlast vermindert.", "I actually think it would reduce the nuisance."),
            b("Dat valt wel mee, ik kom er elke dag langs.", "It's not that bad, I pass by every day."));

    /** How the planner answers in a thread: neutral, and saying what happens next. */
    static final List<Bilingual> PLANNER_REPLIES = List.of(
            b("Dank voor je reactie. We nemen dit mee in de afweging.",
                    "Thank you. We will take this into account when we weigh the proposals."),
            b("Goede vraag. Het onderhoud ligt bij de gemeente; dat nemen we mee in de kosten.",
                    "Good question. Upkeep is the council's job, and we include it in the costs."),
            b("We laten dit technisch toetsen en komen erop terug.",
                    "We are having this checked technically and will get back to you."));

    /** Comments that come with a small drawing pointing at part of the proposal. */
    static final List<Bilingual> POINTERS = List.of(
            b("Zou het niet beter hier kunnen? Dan blijft de doorgang vrij.",
                    "Wouldn't it work better here? That keeps the way through clear."),
            b("Dit stukje zou ik iets opschuiven, zie mijn tekening.",
                    "I would move this part over a little, see my drawing."),
            b("Let op: hier is een uitrit.", "Careful: there is a driveway right here."),
            b("Op dit punt is het nu al vaak druk.", "This point is often crowded already."));

    /** The server's wording for the first step of every proposal, in both languages. */
    static final Bilingual SUBMITTED = b("Ingediend door de indiener.", "Submitted by its author.");

    static final Bilingual PUBLISHED_ON_SUBMISSION = b(
            "Gepubliceerd bij indienen: dit project modereert achteraf.",
            "Published on submission: this project moderates after publication.");

    /** A moderator's publication in a pre-moderated project. */
    static final Bilingual PUBLISHED = b("Gepubliceerd", "Published");

    static final List<Bilingual> UNDER_CONSIDERATION = List.of(
            b("We bekijken dit voorstel samen met het team openbare ruimte.",
                    "We are looking at this proposal with the public space team."),
            b("Dit voorstel heeft veel steun; we onderzoeken kosten en haalbaarheid.",
                    "This proposal has a lot of support; we are checking costs and feasibility."),
            b("We nemen dit mee in het voorlopig ontwerp.", "We are including this in the draft design."));

    static final List<Bilingual> ACCEPTED = List.of(
            b("Past binnen het budget en het ontwerp; we gaan het uitvoeren.",
                    "Fits the budget and the design; we will carry it out."),
            b("Aangenomen: veel steun uit de buurt en technisch haalbaar.",
                    "Accepted: strong local support and technically feasible."),
            b("Aangenomen, in combinatie met vergelijkbare voorstellen in de buurt.",
                    "Accepted, combined with similar proposals nearby."));

    static final List<Bilingual> REJECTED = List.of(
            b("Hier liggen kabels en leidingen in de grond; bomen planten of bouwen kan niet.",
                    "Not possible: there are cables and pipes underground here."),
            b("Dit valt buiten de opdracht van dit project.", "This is outside the scope of this project."),
            b("Te duur in verhouding tot het budget van dit project.", "Too expensive for this project's budget."),
            b("Dit botst met de route voor brandweer en ambulance.",
                    "This conflicts with the emergency vehicle route."));

    static final List<Bilingual> REALISED = List.of(
            b("Uitgevoerd. Bedankt voor het idee!", "Done. Thank you for the idea!"),
            b("Aangelegd zoals voorgesteld.", "Built as proposed."),
            b("Uitgevoerd, met een kleine aanpassing na overleg met de buurt.",
                    "Done, with a small change after talking to the neighbours."));

    /** Why someone drew a variant that moves the drawing; fits any kind of drawing. */
    static final List<Bilingual> VARIANT_MOVED = List.of(
            b("Zelfde idee, maar iets opgeschoven zodat de doorgang vrij blijft.",
                    "Same idea, moved a little so the way through stays clear."),
            b("Een andere ligging, die beter aansluit op het looppad.",
                    "A different position that connects better to the footpath."),
            b("Een paar meter verderop staat het minder in de weg.", "A few metres along it is less in the way."));

    /** Why someone drew a variant with another shape; only lines and areas have a shape to change. */
    static final List<Bilingual> VARIANT_RESHAPED = List.of(
            b("Iets kleiner, dan past het tussen de bestaande bomen.",
                    "A bit smaller, so it fits between the existing trees."),
            b("Iets groter en meer naar de zon gedraaid.", "A bit bigger and turned towards the sun."),
            b("Iets gedraaid, zodat het de uitritten niet blokkeert.",
                    "Turned a little so it doesn't block driveways."));

    /** Content a moderator hides, with the public reason; the reason is in the thread's language. */
    record Hidden(Bilingual title, Bilingual body, Bilingual reason) {}

    static final List<Hidden> HIDDEN_PROPOSALS = List.of(
            new Hidden(b("Nieuwe webwinkel voor tuinmeubelen", "New online shop for garden furniture"),
                    b("Kijk op onze site voor de scherpste aanbiedingen!", "Visit our site for the best deals!"),
                    b("Reclame; dat hoort niet bij dit project.", "Advertising; it does not belong in this project.")),
            new Hidden(b("Overlast van de buurman op nummer 12", "Nuisance from the neighbour at number 12"),
                    b("Hij zet zijn bus altijd half op de stoep.", "He always parks his van half on the pavement."),
                    b("Gaat over één bewoner; meld overlast bij de gemeente.",
                            "About one resident; please report nuisance to the council.")),
            new Hidden(b("Kom naar ons feest!", "Come to our party!"),
                    b("Zaterdag feest in de kantine, iedereen welkom.",
                            "Party in the canteen on Saturday, all welcome."),
                    b("Geen voorstel voor de openbare ruimte.", "Not a proposal for the public space.")));

    static final List<Hidden> HIDDEN_COMMENTS = List.of(
            new Hidden(null, b("Wie dit bedenkt heeft echt geen verstand van zaken.",
                    "Whoever came up with this has no clue at all."),
                    b("Persoonlijke aanval; reageer op het voorstel, niet op de persoon.",
                            "Personal attack; respond to the proposal, not the person.")),
            new Hidden(null, b("Goedkope tuinmeubelen? Kijk op mijn site!", "Cheap garden furniture? Check my site!"),
                    b("Reclame; dat hoort niet in een reactie.", "Advertising; not allowed in comments.")));
}
