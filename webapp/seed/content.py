"""Demo content for the fictional municipality of Lindeveld.

Pure data: districts (wijken), neighbourhoods (buurten), partner employers,
basisbaan job templates in four registers (standard and plain, Dutch and
English), where the demo jobs are placed, and the filled profile of the demo
resident. Titles, summaries, plain texts and tasks may hold the placeholder
``{buurt}``, filled with ``.format(buurt=name)``. Run ``check()`` after
editing.
"""

import re
import string

from webapp.db import JOB_TEXT_FIELDS
from webapp.domain.vocab import CATEGORIES, DAYS, LANGUAGES, LIMITS, SKILLS

MUNICIPALITY = "Lindeveld"

WIJKEN = [
    {"key": "centrum", "name": "Lindeveld-Centrum"},
    {"key": "noord", "name": "Lindeveld-Noord"},
    {"key": "oost", "name": "Lindeveld-Oost"},
    {"key": "zuid", "name": "Lindeveld-Zuid"},
]

BUURTEN = [
    {"key": "oude-haven", "name": "Oude Haven", "wijk": "centrum"},
    {"key": "molenkwartier", "name": "Molenkwartier", "wijk": "centrum"},
    {"key": "marktbuurt", "name": "Marktbuurt", "wijk": "centrum"},
    {"key": "de-hoven", "name": "De Hoven", "wijk": "noord"},
    {"key": "bloemenbuurt", "name": "Bloemenbuurt", "wijk": "noord"},
    {"key": "vogelbuurt", "name": "Vogelbuurt", "wijk": "noord"},
    {"key": "kerkeland", "name": "Kerkeland", "wijk": "oost"},
    {"key": "het-broek", "name": "Het Broek", "wijk": "oost"},
    {"key": "lindehof", "name": "Lindehof", "wijk": "zuid"},
    {"key": "zuiderpark", "name": "Zuiderpark", "wijk": "zuid"},
    {"key": "de-weide", "name": "De Weide", "wijk": "zuid"},
]

EMPLOYERS = [
    "Stichting Welzijn Lindeveld",
    "Buurthuis De Wissel",
    "Zorgcentrum De Linde",
    "Woonzorgcentrum Het Anker",
    "Bibliotheek Lindeveld",
    "Stichting Nieuw Thuis Lindeveld",
    "Woningcorporatie Thuis in Lindeveld",
    "Basisschool De Regenboog",
    "Kindcentrum De Vlinder",
    "Sociaal Werkbedrijf Lindeveld",
    "Coöperatie Groen Lindeveld",
    "Stichting Samen Onderweg",
]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")

JOB_TEMPLATES = [
    # ------------------------------------------------------------ elderly
    {
        "key": "bezoek-ouderen",
        "category": "elderly",
        "employer": "Stichting Welzijn Lindeveld",
        "hours": 16,
        "days": ("mon", "tue", "wed"),
        "skills": ("talk_elderly", "listening"),
        "languages": (),
        "demands": (),
        "wage": None,
        "places": 3,
        "title_nl": "Bezoeker voor ouderen in {buurt}",
        "title_en": "Visitor for older residents in {buurt}",
        "summary_nl": "Je gaat op bezoek bij oudere buurtbewoners die weinig "
        "mensen zien, voor een praatje, een wandeling of een kop koffie.",
        "summary_en": "You visit older residents who rarely see anyone, for a "
        "chat, a short walk or a cup of coffee.",
        "plain_nl": "Je gaat op bezoek bij oude mensen. Veel van hen zijn vaak "
        "alleen. Je praat met ze en drinkt koffie.",
        "plain_en": "You visit older people at home. Many of them are often "
        "alone. You talk and have coffee together.",
        "tasks_nl": "Je begint in het buurtkantoor van {buurt}, waar je met je "
        "begeleider de bezoeken van die dag doorneemt. Daarna ga je bij drie "
        "of vier mensen langs: je drinkt koffie, maakt een korte wandeling of "
        "speelt een spelletje. Aan het eind van de dag schrijf je kort op hoe "
        "het met iedereen gaat.",
        "tasks_en": "You start at the neighbourhood office in {buurt}, where "
        "you go through the day's visits with your supervisor. Then you call "
        "on three or four people: you have coffee, take a short walk or play "
        "a game. At the end of the day you write a short note on how everyone "
        "is doing.",
        "problem_nl": "Veel ouderen in Lindeveld voelen zich eenzaam en zien "
        "soms dagenlang niemand. Een vast bezoek geeft houvast, en zorgen "
        "worden eerder opgemerkt.",
        "problem_en": "Many older people in Lindeveld feel lonely and "
        "sometimes see nobody for days. A regular visit gives them something "
        "to hold on to, and worries are noticed sooner.",
        "team_nl": "Je werkt samen met een ouderenadviseur van de stichting, "
        "een groep vrijwilligers en je eigen coach.",
        "team_en": "You work with an adviser for older people from the "
        "foundation, a group of volunteers and your own coach.",
    },
    {
        "key": "kookmaatje",
        "category": "elderly",
        "employer": "Buurthuis De Wissel",
        "hours": 12,
        "days": ("tue", "thu"),
        "skills": ("cooking", "talk_elderly"),
        "languages": (),
        "demands": ("standing_long",),
        "wage": None,
        "places": 2,
        "title_nl": "Kookmaatje voor ouderen in {buurt}",
        "title_en": "Cooking companion for older people in {buurt}",
        "summary_nl": "Je kookt twee keer per week in het buurthuis met en "
        "voor oudere bewoners, en maakt van de maaltijd een gezellig moment.",
        "summary_en": "Twice a week you cook with and for older residents at "
        "the community centre, and make the meal a sociable occasion.",
        "plain_nl": "Je kookt 2 keer per week in het buurthuis. Oude mensen "
        "uit de buurt eten mee. Je zorgt dat het gezellig is.",
        "plain_en": "You cook at the community centre 2 times a week. Older "
        "people from the area eat with you. You make it a nice time.",
        "tasks_nl": "Rond tien uur doe je samen met een vrijwilliger de "
        "boodschappen voor de maaltijd. Daarna kook je in de keuken van het "
        "buurthuis in {buurt}, soms samen met bewoners die graag meehelpen. "
        "Je dekt de tafel, eet mee en maakt een praatje; na afloop ruim je "
        "samen op.",
        "tasks_en": "At around ten you do the shopping for the meal with a "
        "volunteer. Then you cook in the kitchen of the community centre in "
        "{buurt}, sometimes with residents who like to help. You lay the "
        "table, eat with the guests and chat; afterwards you tidy up "
        "together.",
        "problem_nl": "Ouderen die alleen wonen, eten vaak slecht en bijna "
        "altijd in hun eentje. Een gezamenlijke maaltijd zorgt voor gezond "
        "eten en nieuwe contacten in de buurt.",
        "problem_en": "Older people who live alone often eat poorly and "
        "almost always on their own. A shared meal means healthy food and new "
        "friends in the neighbourhood.",
        "team_nl": "Je werkt met de beheerder van het buurthuis, twee vaste vrijwilligers en je coach.",
        "team_en": "You work with the community centre manager, two regular volunteers and your coach.",
    },
    {
        "key": "spelmiddag",
        "category": "elderly",
        "employer": "Stichting Welzijn Lindeveld",
        "hours": 8,
        "days": ("wed", "sat"),
        "skills": ("games", "organising", "talk_elderly"),
        "languages": (),
        "demands": (),
        "wage": None,
        "places": 1,
        "title_nl": "Begeleider spelmiddagen in {buurt}",
        "title_en": "Games afternoon host in {buurt}",
        "summary_nl": "Je organiseert spelmiddagen voor ouderen in {buurt}, "
        "met sjoelen, kaarten en bingo, ook op zaterdag.",
        "summary_en": "You run games afternoons for older people in {buurt}, "
        "with Dutch shuffleboard, cards and bingo, including on Saturdays.",
        "plain_nl": "Je speelt spelletjes met oude mensen. Denk aan kaarten, "
        "sjoelen en bingo. Je werkt ook op zaterdag.",
        "plain_en": "You play games with older people. Think of cards, "
        "shuffleboard and bingo. You also work on Saturday.",
        "tasks_nl": "Je zet de zaal klaar, zet koffie en haalt de spellen "
        "tevoorschijn. Tijdens de middag zorg je dat iedereen mee kan doen, "
        "ook wie slecht ziet of wat langzamer is. Je houdt bij wie er komt en "
        "belt mensen die een paar keer niet zijn geweest.",
        "tasks_en": "You set up the room, make coffee and get the games out. "
        "During the afternoon you make sure everyone can join in, including "
        "people with poor eyesight or who are a little slower. You keep track "
        "of who comes and ring people who have missed a few times.",
        "problem_nl": "In het weekend is er voor ouderen weinig te doen, en "
        "juist dan voelen ze zich vaak extra alleen. Een vaste middag geeft "
        "iets om naar uit te kijken.",
        "problem_en": "At weekends there is little for older people to do, "
        "and that is when they often feel loneliest. A regular afternoon "
        "gives them something to look forward to.",
        "team_nl": "Je werkt met een activiteitenbegeleider van de stichting "
        "en een paar vrijwilligers uit de buurt.",
        "team_en": "You work with an activities coordinator from the "
        "foundation and a few volunteers from the neighbourhood.",
    },
    # ----------------------------------------------------------- carehome
    {
        "key": "huiskamerassistent",
        "category": "carehome",
        "employer": "Zorgcentrum De Linde",
        "hours": 24,
        "days": ("mon", "tue", "thu", "fri"),
        "skills": ("talk_elderly", "cooking", "games"),
        "languages": (),
        "demands": ("standing_long",),
        "wage": {"scale": "CAO VVT, FWG 15", "cents": 1598},
        "places": 2,
        "title_nl": "Huiskamerassistent in {buurt}",
        "title_en": "Living-room assistant in {buurt}",
        "summary_nl": "Je bent er voor de bewoners van een huiskamer in het "
        "zorgcentrum: je zet koffie, helpt bij de maaltijd en doet "
        "activiteiten.",
        "summary_en": "You are there for the residents of a shared living "
        "room in the care home: you make coffee, help at mealtimes and run "
        "activities.",
        "plain_nl": "Je werkt in een zorgcentrum. Je bent in de huiskamer bij "
        "de bewoners. Je zet koffie en helpt bij het eten.",
        "plain_en": "You work in a care home. You spend time with the people "
        "in the living room. You make coffee and help at meals.",
        "tasks_nl": "Je dag begint met koffie en de krant: je leest voor of "
        "praat over het nieuws. Je helpt bij het dekken van de tafel en het "
        "opscheppen van het eten, en doet daarna een activiteit, zoals een "
        "spelletje of samen zingen. De verzorgenden doen de zorg; jij zorgt "
        "voor gezelligheid en houdt een oogje in het zeil.",
        "tasks_en": "Your day begins with coffee and the newspaper: you read "
        "aloud or talk about the news. You help lay the table and serve the "
        "food, and afterwards run an activity, such as a game or a "
        "sing-along. The care staff do the nursing; you bring company and "
        "keep an eye on things.",
        "problem_nl": "Zorgmedewerkers hebben het druk en weinig tijd voor een "
        "praatje. Daardoor zitten bewoners vaak urenlang stil en alleen in de "
        "huiskamer.",
        "problem_en": "Care staff are very busy and have little time for a "
        "chat. As a result, residents often sit quietly and alone in the "
        "living room for hours.",
        "team_nl": "Je werkt naast de verzorgenden van de afdeling, met een teamleider als vast aanspreekpunt.",
        "team_en": "You work alongside the care staff on the ward, with a team leader as your regular contact.",
    },
    {
        "key": "huiskamer-middag",
        "category": "carehome",
        "employer": "Woonzorgcentrum Het Anker",
        "hours": 16,
        "days": ("mon", "tue", "thu"),
        "skills": ("talk_elderly", "crafts"),
        "languages": (),
        "demands": (),
        "wage": None,
        "places": 2,
        "title_nl": "Huiskamermaatje voor de middag in {buurt}",
        "title_en": "Afternoon living-room companion in {buurt}",
        "summary_nl": "Je brengt 's middags rust en gezelligheid in de "
        "huiskamer van een woonzorgcentrum, met handwerk, muziek en een goed "
        "gesprek.",
        "summary_en": "In the afternoons you bring calm and company to the "
        "living room of a care home, with crafts, music and a good "
        "conversation.",
        "plain_nl": "Je werkt 's middags in een huis voor oude mensen. Je "
        "knutselt met ze of luistert naar muziek. Of je praat gewoon wat.",
        "plain_en": "In the afternoon you work in a care home. "
        "You do crafts with them or listen to music. Or you just have a chat.",
        "tasks_nl": "Na de lunch, als het op de afdeling rustiger wordt, kom "
        "je in de huiskamer. Je kiest een activiteit die past bij wie er die "
        "dag is: kleuren, breien, oude foto's bekijken of muziek van vroeger "
        "luisteren. Tegen vijven help je met het klaarzetten van de "
        "avondmaaltijd.",
        "tasks_en": "After lunch, when things quieten down on the ward, you "
        "come into the living room. You choose an activity that suits whoever "
        "is there that day: colouring, knitting, looking at old photos or "
        "listening to music from the old days. Towards five you help get the "
        "evening meal ready.",
        "problem_nl": "Juist 's middags is het in veel zorgcentra stil, en "
        "bewoners worden dan onrustig of somber. Aandacht op dat moment maakt "
        "hun dag een stuk beter.",
        "problem_en": "Afternoons are quiet in many care homes, and residents "
        "can become restless or low. Attention at that time makes their day "
        "much better.",
        "team_nl": "Je werkt met de activiteitenbegeleider van het "
        "woonzorgcentrum en de verzorgenden van de afdeling.",
        "team_en": "You work with the care home's activities coordinator and the care staff on the ward.",
    },
    {
        "key": "receptie-zorgcentrum",
        "category": "carehome",
        "employer": "Zorgcentrum De Linde",
        "hours": 20,
        "days": ("fri", "sat", "sun"),
        "skills": ("listening", "organising"),
        "languages": (),
        "demands": (),
        "wage": {"scale": "CAO VVT, FWG 20", "cents": 1682},
        "places": 1,
        "title_nl": "Weekendreceptionist in {buurt}",
        "title_en": "Weekend receptionist in {buurt}",
        "summary_nl": "Je ontvangt bezoekers bij de receptie van het "
        "zorgcentrum, neemt de telefoon aan en helpt bewoners op weg, vooral "
        "in het weekend.",
        "summary_en": "You welcome visitors at the care home's reception "
        "desk, answer the phone and help residents find their way, mostly at "
        "weekends.",
        "plain_nl": "Je zit bij de ingang van een zorgcentrum. Je groet bezoek "
        "en neemt de telefoon op. Je werkt vooral in het weekend.",
        "plain_en": "You sit at the entrance of a care home. You greet "
        "visitors and answer the phone. You work mostly at the weekend.",
        "tasks_nl": "Op vrijdagmiddag en in het weekend open je de receptie "
        "en heet je bezoekers welkom. Je wijst de weg, neemt de telefoon aan, "
        "neemt pakketjes aan en maakt tussendoor een praatje met bewoners die "
        "even bij de balie komen zitten. Gaat er iets mis, dan weet je precies "
        "wie je moet bellen.",
        "tasks_en": "On Friday afternoons and at weekends you open the "
        "reception desk and welcome visitors. You show people the way, answer "
        "the phone, take in parcels and chat with residents who come and sit "
        "by the desk for a while. If something goes wrong, you know exactly "
        "whom to call.",
        "problem_nl": "In het weekend is er in het zorgcentrum weinig "
        "personeel en zit er vaak niemand bij de voordeur. Een vast gezicht "
        "bij de ingang geeft bewoners en familie een veilig en welkom gevoel.",
        "problem_en": "At weekends the care home has few staff and the front "
        "door is often unattended. A familiar face at the entrance makes "
        "residents and families feel safe and welcome.",
        "team_nl": "Je werkt met de verzorgenden die dienst hebben en met het "
        "hoofd facilitaire dienst, die je inwerkt en je rooster maakt.",
        "team_en": "You work with the care staff on duty and the head of "
        "facilities, who shows you the ropes and draws up your rota.",
    },
    # ----------------------------------------------------------- computer
    {
        "key": "computercoach",
        "category": "computer",
        "employer": "Bibliotheek Lindeveld",
        "hours": 16,
        "days": ("tue", "wed", "thu"),
        "skills": ("computers", "listening"),
        "languages": (),
        "demands": (),
        "wage": None,
        "places": 2,
        "title_nl": "Computercoach in {buurt}",
        "title_en": "Computer coach in {buurt}",
        "summary_nl": "Je leert buurtbewoners in kleine groepjes omgaan met "
        "een computer, tablet of telefoon, van e-mailen tot videobellen met "
        "de kleinkinderen.",
        "summary_en": "You teach residents in small groups to use a computer, "
        "tablet or phone, from sending emails to video-calling the "
        "grandchildren.",
        "plain_nl": "Je leert mensen werken met een computer of telefoon. Je "
        "geeft les aan kleine groepjes. Je legt alles rustig uit.",
        "plain_en": "You teach people to use a computer or phone. You teach "
        "small groups. You explain everything calmly.",
        "tasks_nl": "Je geeft twee of drie lessen per dag in de bibliotheek "
        "van {buurt}, aan groepjes van hooguit zes mensen. Je oefent met "
        "dingen die mensen echt nodig hebben, zoals een bericht sturen, een "
        "afspraak maken bij de huisarts of een foto versturen. Tussen de "
        "lessen door help je mensen die met een eigen vraag binnenlopen.",
        "tasks_en": "You give two or three lessons a day at the library in "
        "{buurt}, to groups of six people at most. You practise things people "
        "really need, such as sending a message, booking a GP appointment or "
        "sharing a photo. Between lessons you help people who drop in with a "
        "question of their own.",
        "problem_nl": "Steeds meer zaken regel je alleen nog online, en wie "
        "geen computer kan gebruiken, raakt achterop. Dat geldt vooral voor "
        "ouderen en mensen die moeite hebben met lezen.",
        "problem_en": "More and more things can only be arranged online, and "
        "people who cannot use a computer fall behind. This is especially "
        "true for older people and people who find reading hard.",
        "team_nl": "Je werkt met een mediacoach van de bibliotheek en een paar vrijwillige docenten.",
        "team_en": "You work with a digital skills coach from the library and a few volunteer tutors.",
    },
    {
        "key": "digitaal-spreekuur",
        "category": "computer",
        "employer": "Stichting Welzijn Lindeveld",
        "hours": 12,
        "days": ("mon", "thu"),
        "skills": ("computers", "organising"),
        "languages": ("tr", "ar", "pl"),
        "demands": (),
        "wage": None,
        "places": 2,
        "title_nl": "Helper bij het digitale spreekuur in {buurt}",
        "title_en": "Digital help desk assistant in {buurt}",
        "summary_nl": "Je helpt buurtbewoners op het spreekuur met online "
        "zaken, zoals inloggen met DigiD, een formulier invullen of de bankapp "
        "gebruiken.",
        "summary_en": "At a drop-in session you help residents with online "
        "tasks, such as logging in with DigiD, filling in a form or using a "
        "banking app.",
        "plain_nl": "Mensen komen bij je met vragen over de computer. Je helpt "
        "ze met een formulier of met DigiD. Je doet het samen, stap voor stap.",
        "plain_en": "People come to you with computer questions. You help "
        "them with a form or with DigiD. You do it together, step by step.",
        "tasks_nl": "Twee keer per week zit je in het buurthuis van {buurt} "
        "klaar met een laptop en een printer. Bewoners schuiven aan met hun "
        "vraag: een toeslag aanvragen, een brief van de gemeente begrijpen of "
        "online een afspraak maken. Je doet het niet voor ze, maar met ze, "
        "zodat ze het de volgende keer zelf beter kunnen.",
        "tasks_en": "Twice a week you sit ready in the community centre in "
        "{buurt} with a laptop and a printer. Residents come along with their "
        "question: applying for an allowance, making sense of a letter from "
        "the council or booking an appointment online. You do not do it for "
        "them but with them, so they can manage better themselves next time.",
        "problem_nl": "Veel mensen lopen vast op digitale formulieren en "
        "missen daardoor toeslagen of afspraken waar ze recht op hebben. Met "
        "een beetje hulp dichtbij voorkom je geldzorgen en schulden.",
        "problem_en": "Many people get stuck on online forms and miss out on "
        "allowances or appointments they are entitled to. A little help close "
        "to home prevents money worries and debt.",
        "team_nl": "Je werkt samen met een sociaal werker van de stichting, die bij moeilijke vragen meekijkt.",
        "team_en": "You work with a social worker from the foundation, who helps out with difficult questions.",
    },
    # ---------------------------------------------------------- newcomers
    {
        "key": "wegwijzer-nieuwkomers",
        "category": "newcomers",
        "employer": "Stichting Nieuw Thuis Lindeveld",
        "hours": 20,
        "days": ("mon", "tue", "wed", "thu"),
        "skills": ("listening",),
        "languages": ("ar", "ti", "uk"),
        "demands": (),
        "wage": {"scale": "CAO Sociaal Werk, schaal 4", "cents": 1635},
        "places": 3,
        "title_nl": "Wegwijzer voor nieuwkomers in {buurt}",
        "title_en": "Guide for newcomers in {buurt}",
        "summary_nl": "Je helpt gevluchte nieuwe inwoners hun weg te vinden "
        "in Lindeveld: bij de huisarts, op school, in de winkel en in de "
        "buurt.",
        "summary_en": "You help refugees who have just arrived find their way "
        "in Lindeveld: at the GP, at school, in the shops and in the "
        "neighbourhood.",
        "plain_nl": "Je helpt mensen die net in Lindeveld wonen. Ze zijn "
        "gevlucht uit hun land. Je gaat mee naar de dokter of school.",
        "plain_en": "You help people who have just moved to Lindeveld. They "
        "fled their own country. You go with them to the doctor or school.",
        "tasks_nl": "Je hebt een vaste groep gezinnen die je ongeveer een jaar "
        "begeleidt. Je gaat mee naar afspraken, legt uit hoe de afvalkalender "
        "of de bus werkt en oefent samen Nederlands in gewone situaties. "
        "Spreek je hun taal, dan kun je soms even tolken, maar het doel is dat "
        "ze het zelf leren.",
        "tasks_en": "You have a regular group of families whom you support "
        "for about a year. You go along to appointments, explain how the bin "
        "collection calendar or the bus works, and practise Dutch together in "
        "everyday situations. If you speak their language you can sometimes "
        "interpret, but the aim is for them to learn to do it themselves.",
        "problem_nl": "Nieuwkomers willen snel meedoen, maar lopen vast op "
        "regels, brieven en een taal die ze nog niet spreken. Persoonlijke "
        "hulp in de eerste tijd voorkomt eenzaamheid en misverstanden.",
        "problem_en": "Newcomers want to take part quickly, but get stuck on "
        "rules, letters and a language they do not speak yet. Personal help "
        "in the first months prevents loneliness and misunderstandings.",
        "team_nl": "Je werkt in een team van drie wegwijzers, met een begeleider die je elke week spreekt.",
        "team_en": "You work in a team of three guides, with a supervisor you meet every week.",
    },
    {
        "key": "taalcafe",
        "category": "newcomers",
        "employer": "Bibliotheek Lindeveld",
        "hours": 8,
        "days": ("wed", "thu"),
        "skills": ("listening", "organising"),
        "languages": ("ar", "so", "ti", "uk", "tr"),
        "demands": ("evening",),
        "wage": None,
        "places": 1,
        "title_nl": "Gastheer of gastvrouw van het taalcafé in {buurt}",
        "title_en": "Language café host in {buurt}",
        "summary_nl": "Je bent gastheer of gastvrouw van het wekelijkse "
        "taalcafé, waar nieuwkomers en buurtbewoners in een ontspannen sfeer "
        "Nederlands praten.",
        "summary_en": "You host the weekly language café, where newcomers and "
        "local residents practise speaking Dutch in a relaxed setting.",
        "plain_nl": "Je werkt in een taalcafé. Mensen praten daar Nederlands "
        "met elkaar. Jij zorgt dat iedereen mee kan doen.",
        "plain_en": "You work in a language café. People practise Dutch there "
        "together. You make sure everyone can join in.",
        "tasks_nl": "Op woensdagavond en donderdagmiddag zet je in de "
        "bibliotheek van {buurt} de tafels klaar, met koffie, thee en "
        "onderwerpen om over te praten. Je verdeelt mensen over de tafels, "
        "zodat beginners en gevorderden elkaar helpen. Je let erop dat stille "
        "deelnemers ook aan het woord komen en heet nieuwe gezichten welkom.",
        "tasks_en": "On Wednesday evenings and Thursday afternoons you set up "
        "the tables at the library in {buurt}, with coffee, tea and topics to "
        "talk about. You spread people over the tables so beginners and more "
        "advanced speakers help each other. You make sure quieter people get "
        "a say too, and you welcome new faces.",
        "problem_nl": "Wie een nieuwe taal leert, heeft vooral oefening in het "
        "echte leven nodig, en die is er weinig. Het taalcafé brengt mensen "
        "samen die elkaar anders niet tegenkomen.",
        "problem_en": "People learning a new language mostly need real-life "
        "practice, and there is little of it. The language café brings "
        "together people who would not otherwise meet.",
        "team_nl": "Je werkt met vrijwillige taalcoaches en een medewerker "
        "van de bibliotheek die het taalcafé regelt.",
        "team_en": "You work with volunteer language coaches and a library staff member who organises the café.",
    },
    # ---------------------------------------------------------- caretaker
    {
        "key": "buurtconcierge",
        "category": "caretaker",
        "employer": "Woningcorporatie Thuis in Lindeveld",
        "hours": 32,
        "days": WEEKDAYS,
        "skills": ("cleaning", "fixing", "listening"),
        "languages": (),
        "demands": ("outdoors", "walking_stairs"),
        "wage": {"scale": "CAO Woondiensten, schaal C", "cents": 1612},
        "places": 1,
        "title_nl": "Buurtconciërge in {buurt}",
        "title_en": "Neighbourhood caretaker in {buurt}",
        "summary_nl": "Je bent het vaste aanspreekpunt in de flats en straten "
        "van {buurt}, en houdt samen met bewoners de buurt schoon, heel en "
        "veilig.",
        "summary_en": "You are the familiar point of contact in the flats and "
        "streets of {buurt}, keeping the area clean, tidy and safe together "
        "with residents.",
        "plain_nl": "Je zorgt voor de flats en straten in {buurt}. Je houdt "
        "het schoon en veilig. Bewoners komen met vragen bij jou.",
        "plain_en": "You look after the flats and streets in {buurt}. You "
        "keep them clean and safe. Residents come to you with questions.",
        "tasks_nl": "Je begint met een ronde langs de portieken, bergingen en "
        "speelplekken en meldt kapotte lampen of zwerfvuil. Kleine dingen los "
        "je zelf op; grotere klussen geef je door aan de woningcorporatie. "
        "Tussendoor maak je een praatje met bewoners, help je bij een "
        "opruimactie en houd je een oogje op mensen die weinig buiten komen.",
        "tasks_en": "You start with a round of the stairwells, storage areas "
        "and play areas, and report broken lights or litter. Small things you "
        "sort out yourself; bigger jobs you pass on to the housing "
        "association. In between you chat with residents, help with a "
        "clean-up day and keep an eye on people who rarely go out.",
        "problem_nl": "In sommige buurten voelen bewoners zich niet gehoord en "
        "raken portieken vervuild. Een vast gezicht maakt problemen eerder "
        "zichtbaar en zorgt dat mensen zich meer thuis voelen.",
        "problem_en": "In some neighbourhoods residents feel unheard and "
        "stairwells become dirty and run-down. A familiar face spots problems "
        "sooner and helps people feel more at home.",
        "team_nl": "Je werkt samen met een wijkbeheerder van de "
        "woningcorporatie, de wijkagent en actieve bewoners.",
        "team_en": "You work with an estate manager from the housing "
        "association, the local community police officer and active "
        "residents.",
    },
    # ------------------------------------------------------------- school
    {
        "key": "klassenassistent",
        "category": "school",
        "employer": "Basisschool De Regenboog",
        "hours": 20,
        "days": ("mon", "tue", "thu", "fri"),
        "skills": ("children", "listening"),
        "languages": (),
        "demands": (),
        "wage": {"scale": "CAO Primair Onderwijs, schaal 3", "cents": 1621},
        "places": 2,
        "title_nl": "Klassenassistent in {buurt}",
        "title_en": "Classroom assistant in {buurt}",
        "summary_nl": "Je helpt de leerkracht in de klas: je leest met kleine "
        "groepjes, helpt kinderen die extra aandacht nodig hebben en zorgt "
        "voor rust.",
        "summary_en": "You support the teacher in the classroom: reading with "
        "small groups, helping children who need extra attention and keeping "
        "things calm.",
        "plain_nl": "Je werkt op een basisschool. Je helpt de juf of meester "
        "in de klas. Je leest voor en helpt kinderen met hun werk.",
        "plain_en": "You work at a primary school. You help the teacher in "
        "the class. You read aloud and help children with their work.",
        "tasks_nl": "Om half negen sta je bij de deur van de klas en help je "
        "de kinderen op weg. Tijdens de les werk je met een groepje dat extra "
        "oefening nodig heeft met lezen of rekenen. In de pauze let je op het "
        "plein, en na schooltijd help je de leerkracht met opruimen en "
        "klaarzetten voor de volgende dag.",
        "tasks_en": "At half past eight you stand at the classroom door and "
        "help the children settle in. During lessons you work with a small "
        "group that needs extra practice with reading or sums. At break you "
        "keep an eye on the playground, and after school you help the teacher "
        "tidy up and get ready for the next day.",
        "problem_nl": "Klassen zijn groot en leerkrachten komen niet aan elk "
        "kind toe. Vooral kinderen met een taalachterstand hebben baat bij een "
        "extra volwassene in de klas.",
        "problem_en": "Classes are large and teachers cannot give every child "
        "enough time. Children who are behind with language benefit most from "
        "an extra adult in the room.",
        "team_nl": "Je werkt met de leerkracht van de groep, de intern begeleider van de school en je coach.",
        "team_en": "You work with the class teacher, the school's special needs coordinator and your coach.",
    },
    {
        "key": "overblijf",
        "category": "school",
        "employer": "Kindcentrum De Vlinder",
        "hours": 10,
        "days": ("mon", "tue", "thu", "fri"),
        "skills": ("children", "games"),
        "languages": (),
        "demands": ("outdoors",),
        "wage": None,
        "places": 3,
        "title_nl": "Overblijfkracht en pleinwacht in {buurt}",
        "title_en": "Lunchtime and playground supervisor in {buurt}",
        "summary_nl": "Je zorgt dat kinderen rustig lunchen op school en "
        "daarna veilig buiten spelen, en je bedenkt met hen spelletjes op het "
        "plein.",
        "summary_en": "You make sure children have a calm lunch at school and "
        "then play safely outside, and you think up playground games with "
        "them.",
        "plain_nl": "Je bent bij de kinderen als ze op school eten. Daarna let "
        "je op ze op het plein. Je doet ook spelletjes met ze.",
        "plain_en": "You are with the children when they eat at school. Then "
        "you watch them in the playground. You also play games with them.",
        "tasks_nl": "Je komt rond half twaalf en helpt de lunch klaar te "
        "zetten in de klassen. Je eet met een groep mee, let erop dat iedereen "
        "genoeg eet en lost kleine ruzies op. Daarna ga je mee naar buiten, "
        "zet je spelmateriaal klaar en houd je het plein in de gaten tot de "
        "bel gaat.",
        "tasks_en": "You arrive at about half past eleven and help set out "
        "lunch in the classrooms. You eat with a group, make sure everyone "
        "eats enough and sort out small quarrels. Then you go outside with "
        "them, put out the play equipment and keep watch over the playground "
        "until the bell goes.",
        "problem_nl": "Leerkrachten hebben in de middagpauze zelf geen pauze, "
        "en op het plein ontstaan vaak ruzies. Een vaste, bekende volwassene "
        "zorgt voor een rustige en veilige middag.",
        "problem_en": "Teachers get no break of their own at lunchtime, and "
        "quarrels often break out in the playground. A familiar adult makes "
        "for a calm and safe lunch break.",
        "team_nl": "Je werkt met een vaste groep overblijfkrachten en de coördinator van het kindcentrum.",
        "team_en": "You work with a regular group of lunchtime supervisors "
        "and the coordinator of the children's centre.",
    },
    # ----------------------------------------------------------- handyman
    {
        "key": "klussendienst",
        "category": "handyman",
        "employer": "Sociaal Werkbedrijf Lindeveld",
        "hours": 32,
        "days": WEEKDAYS,
        "skills": ("fixing",),
        "languages": (),
        "demands": ("heavy_lifting", "walking_stairs"),
        "wage": None,
        "places": 3,
        "title_nl": "Klusser bij de klussendienst in {buurt}",
        "title_en": "Handyman for the odd-jobs service in {buurt}",
        "summary_nl": "Je doet kleine klussen bij bewoners die het zelf niet "
        "kunnen of niet kunnen betalen, zoals een kast ophangen of een tuin "
        "opruimen.",
        "summary_en": "You do small jobs for residents who cannot do them "
        "themselves or pay for them, such as putting up a cupboard or "
        "clearing a garden.",
        "plain_nl": "Je doet klusjes bij mensen thuis. Je hangt een kast op "
        "of ruimt een tuin op. Je tilt soms zware dingen.",
        "plain_en": "You do small jobs in people's homes. You put up a "
        "cupboard or clear a garden. Sometimes you lift heavy things.",
        "tasks_nl": "Elke ochtend krijg je in de werkplaats je lijst met "
        "klussen voor die dag. Met een collega en de bus van de klussendienst "
        "ga je langs bij bewoners in {buurt}: een deur die klemt, een kast die "
        "naar een andere kamer moet, grofvuil naar de stoep. Je werkt netjes "
        "en neemt even de tijd voor een kop koffie als iemand dat fijn vindt.",
        "tasks_en": "Each morning you pick up your list of jobs for the day at "
        "the workshop. With a colleague and the service's van you call on "
        "residents in {buurt}: a sticking door, a cupboard that needs moving "
        "to another room, bulky rubbish out to the kerb. You work tidily and "
        "take time for a cup of coffee if someone would like that.",
        "problem_nl": "Ouderen en mensen met weinig geld laten kleine "
        "gebreken in huis vaak zitten, omdat hulp te duur is, en dat wordt "
        "soms onveilig. De klussendienst doet alleen klussen die een vakman "
        "niet aanneemt, zodat niemand werk verliest.",
        "problem_en": "Older people and those on a low income often leave "
        "small faults in their homes unrepaired because help costs too much, "
        "and that can become unsafe. The service only takes on jobs a "
        "tradesperson would not, so nobody loses work.",
        "team_nl": "Je werkt in tweetallen, onder leiding van een ervaren "
        "werkmeester van het sociaal werkbedrijf.",
        "team_en": "You work in pairs, led by an experienced supervisor from the social enterprise.",
    },
    {
        "key": "klusjeshulp",
        "category": "handyman",
        "employer": "Stichting Welzijn Lindeveld",
        "hours": 16,
        "days": ("tue", "wed", "thu"),
        "skills": ("fixing", "talk_elderly"),
        "languages": (),
        "demands": ("walking_stairs",),
        "wage": None,
        "places": 2,
        "title_nl": "Klusjeshulp voor ouderen in {buurt}",
        "title_en": "Odd-jobs helper for older residents in {buurt}",
        "summary_nl": "Je helpt ouderen met kleine dingen in huis, zoals een "
        "lamp vervangen, een rookmelder ophangen of de verwarming ontluchten.",
        "summary_en": "You help older people with small things around the "
        "house, such as changing a light bulb, fitting a smoke alarm or "
        "bleeding the radiators.",
        "plain_nl": "Je helpt oude mensen met kleine klusjes. Je draait een "
        "lamp in of hangt een rookmelder op. Zo wonen ze veilig.",
        "plain_en": "You help older people with small jobs. You change a "
        "bulb or put up a smoke alarm. This helps them live safely.",
        "tasks_nl": "Je bezoekt op een dag vier tot zes adressen in {buurt}, "
        "met een tas vol gereedschap en een trapje. Je doet klusjes die weinig "
        "tijd kosten maar veel verschil maken, zoals een extra handgreep bij "
        "het bad. Je kijkt ook of er nog iets anders onveilig is en geeft dat "
        "door aan de ouderenadviseur.",
        "tasks_en": "In a day you visit four to six addresses in {buurt}, with "
        "a bag of tools and a small stepladder. You do jobs that take little "
        "time but make a big difference, such as fitting an extra grab rail "
        "by the bath. You also check whether anything else is unsafe and pass "
        "it on to the adviser for older people.",
        "problem_nl": "Veel ouderen willen zo lang mogelijk thuis blijven "
        "wonen, maar kleine gebreken leiden tot valpartijen. Een paar "
        "klusjes op tijd voorkomen ongelukken.",
        "problem_en": "Many older people want to stay in their own homes for "
        "as long as possible, but small faults lead to falls. A few jobs done "
        "in time prevent accidents.",
        "team_nl": "Je werkt met de ouderenadviseurs van de stichting, die de "
        "adressen doorgeven, en met de klussendienst voor grotere klussen.",
        "team_en": "You work with the foundation's advisers for older people, "
        "who pass on the addresses, and with the odd-jobs service for bigger "
        "jobs.",
    },
    # ------------------------------------------------------------ errands
    {
        "key": "boodschappendienst",
        "category": "errands",
        "employer": "Stichting Welzijn Lindeveld",
        "hours": 16,
        "days": ("mon", "wed", "fri"),
        "skills": ("cycling", "organising"),
        "languages": (),
        "demands": ("outdoors", "heavy_lifting"),
        "wage": None,
        "places": 2,
        "title_nl": "Boodschappenhulp in {buurt}",
        "title_en": "Shopping helper in {buurt}",
        "summary_nl": "Je doet boodschappen voor buurtbewoners die slecht ter "
        "been zijn, brengt ze met de bakfiets aan huis en maakt even een "
        "praatje.",
        "summary_en": "You do the shopping for residents who cannot easily "
        "get about, deliver it by cargo bike and stop for a quick chat.",
        "plain_nl": "Je doet boodschappen voor mensen die slecht lopen. Je "
        "brengt de tassen op de fiets. De tassen zijn soms zwaar.",
        "plain_en": "You do shopping for people who cannot walk well. You "
        "take the bags to them by bike. The bags are sometimes heavy.",
        "tasks_nl": "In de ochtend neem je de lijstjes op, aan de telefoon of "
        "bij mensen aan de deur. Je doet de boodschappen in de supermarkt in "
        "{buurt} en brengt ze met de bakfiets rond, tot in de keuken als dat "
        "nodig is. Je rekent netjes af met het bonnetje en let erop of het "
        "goed gaat met de mensen.",
        "tasks_en": "In the morning you collect the shopping lists, by phone "
        "or at people's doors. You do the shopping at the supermarket in "
        "{buurt} and deliver it by cargo bike, right into the kitchen if "
        "needed. You settle up carefully with the receipt and notice whether "
        "people are doing all right.",
        "problem_nl": "Wie slecht ter been is en geen familie in de buurt "
        "heeft, kan vaak niet zelf naar de winkel. Bezorgen laten is voor "
        "velen te duur, en een bezorger heeft geen tijd voor een praatje.",
        "problem_en": "People who cannot get about easily and have no family "
        "nearby often cannot go to the shops themselves. Delivery is too "
        "expensive for many, and a courier has no time for a chat.",
        "team_nl": "Je werkt met twee andere boodschappenhulpen en een coördinator die de routes plant.",
        "team_en": "You work with two other shopping helpers and a coordinator who plans the rounds.",
    },
    {
        "key": "maaltijdbezorger",
        "category": "errands",
        "employer": "Zorgcentrum De Linde",
        "hours": 12,
        "days": ("fri", "sat", "sun"),
        "skills": ("driving",),
        "languages": (),
        "demands": ("outdoors",),
        "wage": None,
        "places": 1,
        "title_nl": "Maaltijdbezorger in {buurt}",
        "title_en": "Meal delivery driver in {buurt}",
        "summary_nl": "Je brengt warme maaltijden van het zorgcentrum naar "
        "ouderen die thuis wonen, ook in het weekend, en kijkt even hoe het "
        "met ze gaat.",
        "summary_en": "You deliver hot meals from the care home to older "
        "people living at home, including at weekends, and check how they "
        "are doing.",
        "plain_nl": "Je brengt warm eten naar oude mensen thuis. Je rijdt met "
        "een busje. Je werkt ook op zaterdag en zondag.",
        "plain_en": "You take hot meals to older people at home. You drive a "
        "small van. You also work on Saturday and Sunday.",
        "tasks_nl": "Rond elf uur laad je de warmhoudboxen in het busje bij de "
        "keuken van het zorgcentrum. Je rijdt een vaste route langs twaalf tot "
        "vijftien adressen en zet de maaltijd zo nodig op tafel. Doet iemand "
        "niet open of ziet iemand er niet goed uit, dan bel je meteen het "
        "zorgcentrum.",
        "tasks_en": "At around eleven you load the heated boxes into the van "
        "at the care home kitchen. You drive a fixed round of twelve to "
        "fifteen addresses and put the meal on the table where needed. If "
        "someone does not answer the door or does not look well, you ring the "
        "care home straight away.",
        "problem_nl": "Veel ouderen die thuis wonen, koken niet meer goed voor "
        "zichzelf. Een dagelijkse maaltijd aan de deur houdt ze gezond en "
        "zorgt dat iemand ze elke dag ziet.",
        "problem_en": "Many older people living at home no longer cook "
        "properly for themselves. A daily meal at the door keeps them healthy "
        "and means someone sees them every day.",
        "team_nl": "Je werkt met de koks van het zorgcentrum en een planner die de routes en het rooster maakt.",
        "team_en": "You work with the care home's cooks and a planner who draws up the rounds and the rota.",
    },
    # -------------------------------------------------------------- green
    {
        "key": "energiehulp",
        "category": "green",
        "employer": "Coöperatie Groen Lindeveld",
        "hours": 24,
        "days": ("mon", "tue", "wed", "thu"),
        "skills": ("fixing", "listening"),
        "languages": (),
        "demands": ("walking_stairs",),
        "wage": None,
        "places": 4,
        "title_nl": "Energiehulp in {buurt}",
        "title_en": "Home energy helper in {buurt}",
        "summary_nl": "Je helpt bewoners energie te besparen met kleine "
        "maatregelen, zoals tochtstrips plakken, radiatorfolie aanbrengen en "
        "zuinige lampen indraaien.",
        "summary_en": "You help residents save energy with small measures, "
        "such as fitting draught strips, putting up radiator foil and fitting "
        "LED bulbs.",
        "plain_nl": "Je helpt mensen om minder gas en stroom te gebruiken. Je "
        "plakt strips tegen de tocht. Zo wordt hun rekening lager.",
        "plain_en": "You help people use less gas and power. You put up "
        "strips against draughts. This makes their bills lower.",
        "tasks_nl": "Je gaat met een collega op huisbezoek bij bewoners in "
        "{buurt} die zich hebben aangemeld of die de woningcorporatie "
        "doorgeeft. Je kijkt waar het tocht en waar warmte weglekt, en brengt "
        "meteen kleine dingen aan, zoals tochtstrips en radiatorfolie. Je "
        "legt uit hoe de thermostaat werkt en laat een kort lijstje met tips "
        "achter.",
        "tasks_en": "With a colleague you visit residents in {buurt} who have "
        "signed up or been referred by the housing association. You look for "
        "draughts and places where heat escapes, and fit small things on the "
        "spot, such as draught strips and radiator foil. You explain how the "
        "thermostat works and leave a short list of tips.",
        "problem_nl": "Veel huishoudens met een laag inkomen wonen in slecht "
        "geïsoleerde huizen en betalen te veel voor energie. Kleine "
        "maatregelen verlagen meteen de rekening en de uitstoot.",
        "problem_en": "Many low-income households live in poorly insulated "
        "homes and pay too much for energy. Small measures cut both the bill "
        "and emissions straight away.",
        "team_nl": "Je werkt in een team van energiehulpen, met een "
        "energieadviseur van de coöperatie als begeleider.",
        "team_en": "You work in a team of energy helpers, supervised by an energy adviser from the cooperative.",
    },
    {
        "key": "repaircafe",
        "category": "green",
        "employer": "Coöperatie Groen Lindeveld",
        "hours": 12,
        "days": ("wed", "sat"),
        "skills": ("fixing", "crafts"),
        "languages": (),
        "demands": (),
        "wage": None,
        "places": 2,
        "title_nl": "Reparateur in het repaircafé van {buurt}",
        "title_en": "Repairer at the repair café in {buurt}",
        "summary_nl": "Je repareert samen met bewoners kapotte spullen in het "
        "repaircafé, van broodroosters tot fietsen en kleding, zodat er "
        "minder wordt weggegooid.",
        "summary_en": "Together with residents you mend broken things at the "
        "repair café, from toasters to bikes and clothes, so less gets thrown "
        "away.",
        "plain_nl": "Mensen brengen kapotte spullen mee. Jij maakt ze samen "
        "weer heel. Zo hoeven ze het niet weg te gooien.",
        "plain_en": "People bring things that are broken. You fix them "
        "together. That way they do not have to throw them away.",
        "tasks_nl": "Op woensdag en zaterdag is het repaircafé in {buurt} "
        "open. Je ontvangt bezoekers, kijkt wat er mis is met hun lamp, "
        "stofzuiger of fiets en repareert het samen met hen, zodat ze er zelf "
        "iets van leren. In de rustige uren zoek je onderdelen uit en houd je "
        "de werkplaats op orde.",
        "tasks_en": "The repair café in {buurt} is open on Wednesdays and "
        "Saturdays. You welcome visitors, find out what is wrong with their "
        "lamp, vacuum cleaner or bike and fix it with them, so they learn "
        "something themselves. In quiet hours you sort out spare parts and "
        "keep the workshop in order.",
        "problem_nl": "Er wordt veel weggegooid wat met een kleine reparatie "
        "nog jaren mee kan. Repareren bespaart bewoners geld en is goed voor "
        "het milieu.",
        "problem_en": "Many things are thrown away that could last for years "
        "with a small repair. Repairing saves residents money and is good for "
        "the environment.",
        "team_nl": "Je werkt met vrijwillige reparateurs, van wie een aantal "
        "al jaren meedoet, en een coördinator van de coöperatie.",
        "team_en": "You work with volunteer repairers, some of whom have "
        "been coming for years, and a coordinator from the cooperative.",
    },
    # -------------------------------------------------------------- watch
    {
        "key": "buurtwacht",
        "category": "watch",
        "employer": "Buurthuis De Wissel",
        "hours": 16,
        "days": ("thu", "fri", "sat"),
        "skills": (),
        "languages": (),
        "demands": ("outdoors", "evening"),
        "wage": None,
        "places": 2,
        "title_nl": "Ogen en oren van de straat in {buurt}",
        "title_en": "Eyes and ears of the street in {buurt}",
        "summary_nl": "Je loopt vaste rondes door {buurt}, ook 's avonds, "
        "ziet onveilige plekken op tijd en bent een vertrouwd aanspreekpunt "
        "voor bewoners.",
        "summary_en": "You walk regular rounds through {buurt}, including in "
        "the evening, spot unsafe places early and are a trusted contact for "
        "residents.",
        "plain_nl": "Je loopt rondes door de buurt, ook 's avonds. Je ziet "
        "wat er mis is. Je praat met mensen op straat.",
        "plain_en": "You walk rounds through the area, also in the evening. "
        "You notice what is wrong. You talk to people in the street.",
        "tasks_nl": "Je loopt samen met een collega een route door {buurt} en "
        "let op dingen als kapotte straatlantaarns, gedumpt afval of een "
        "voordeur die openstaat. Je maakt een praatje met bewoners en "
        "winkeliers, zodat mensen je leren kennen. Wat je ziet, meld je via "
        "de app van de gemeente of direct bij de wijkagent.",
        "tasks_en": "Together with a colleague you walk a route through "
        "{buurt}, looking out for broken street lights, dumped rubbish or a "
        "front door left open. You chat with residents and shopkeepers so "
        "people get to know you. What you see, you report through the "
        "council's app or straight to the community police officer.",
        "problem_nl": "Bewoners voelen zich 's avonds niet altijd veilig op "
        "straat, en kleine problemen worden vaak pas laat gemeld. Een bekend "
        "gezicht maakt de buurt veiliger en prettiger.",
        "problem_en": "Residents do not always feel safe in the street in the "
        "evening, and small problems are often reported late. A familiar face "
        "makes the neighbourhood safer and more pleasant.",
        "team_nl": "Je werkt met een vaste collega, een coördinator van het buurthuis en de wijkagent.",
        "team_en": "You work with a regular colleague, a coordinator from the "
        "community centre and the community police officer.",
    },
    # ----------------------------------------------------------- mobility
    {
        "key": "chauffeur-ouderen",
        "category": "mobility",
        "employer": "Stichting Samen Onderweg",
        "hours": 20,
        "days": WEEKDAYS,
        "skills": ("driving", "talk_elderly"),
        "languages": (),
        "demands": ("early",),
        "wage": {"scale": "CAO Sociaal Werk, schaal 5", "cents": 1690},
        "places": 2,
        "title_nl": "Chauffeur voor ouderen in {buurt}",
        "title_en": "Driver for older residents in {buurt}",
        "summary_nl": "Je rijdt oudere buurtbewoners naar de huisarts, het "
        "ziekenhuis of de kapper, en helpt ze bij het in- en uitstappen.",
        "summary_en": "You drive older residents to the GP, the hospital or "
        "the hairdresser, and help them get in and out of the car.",
        "plain_nl": "Je rijdt oude mensen naar de dokter of het ziekenhuis. "
        "Je helpt ze in en uit de auto. Je begint vaak vroeg.",
        "plain_en": "You drive older people to the doctor or hospital. You "
        "help them in and out of the car. You often start early.",
        "tasks_nl": "Je dag begint om half acht: je haalt de elektrische auto "
        "op en bekijkt de ritten. Je haalt mensen thuis op, loopt met ze mee "
        "naar de balie als dat nodig is en wacht of haalt ze later weer op. "
        "Tussen de ritten door houd je de auto schoon en bel je mensen om hun "
        "rit voor de volgende dag door te geven.",
        "tasks_en": "Your day starts at half past seven: you collect the "
        "electric car and look through the journeys. You pick people up at "
        "home, walk with them to the reception desk if needed and wait or "
        "collect them later. Between journeys you keep the car clean and "
        "ring people to confirm their lift for the next day.",
        "problem_nl": "Ouderen die niet meer zelf rijden en slecht ter been "
        "zijn, missen soms afspraken bij de dokter. Een taxi is duur en helpt "
        "ze niet van de voordeur tot de balie.",
        "problem_en": "Older people who no longer drive and cannot get about "
        "easily sometimes miss doctor's appointments. A taxi is expensive and "
        "does not help them from the front door to the desk.",
        "team_nl": "Je werkt met een groep chauffeurs, vrijwillig en betaald, en een planner op kantoor.",
        "team_en": "You work with a group of drivers, some volunteers and some paid, and a planner in the office.",
    },
    {
        "key": "fietsles",
        "category": "mobility",
        "employer": "Stichting Samen Onderweg",
        "hours": 12,
        "days": ("tue", "sat"),
        "skills": ("cycling", "listening"),
        "languages": ("ar", "ti", "so"),
        "demands": ("outdoors",),
        "wage": None,
        "places": 2,
        "title_nl": "Fietsdocent voor volwassenen in {buurt}",
        "title_en": "Cycling teacher for adults in {buurt}",
        "summary_nl": "Je leert volwassenen fietsen, vaak vrouwen die nog "
        "maar kort in Nederland wonen, zodat ze zelf naar werk, school of de "
        "winkel kunnen.",
        "summary_en": "You teach adults to ride a bike, often women new to the "
        "Netherlands, so they can get to work, school or the shops alone.",
        "plain_nl": "Je leert grote mensen fietsen. Veel van hen wonen pas "
        "kort in Nederland. Daarna kunnen ze zelf overal heen.",
        "plain_en": "You teach adults to ride a bike. Many have only just "
        "come to the Netherlands. Then they can go places on their own.",
        "tasks_nl": "Je geeft les op een afgesloten plein en later op rustige "
        "straten in {buurt}. Je begint met evenwicht houden en sturen, en "
        "oefent daarna met verkeersregels en drukke kruispunten. Je past je "
        "tempo aan iedere deelnemer aan en viert elke stap vooruit.",
        "tasks_en": "You teach on a closed-off square and later on quiet "
        "streets in {buurt}. You start with balancing and steering, then move "
        "on to traffic rules and busy junctions. You adjust your pace to each "
        "learner and celebrate every step forward.",
        "problem_nl": "Wie niet kan fietsen, is in een plaats als Lindeveld "
        "afhankelijk van anderen of van een dure bus. Fietsen geeft vrijheid "
        "en brengt werk, school en zorg binnen bereik.",
        "problem_en": "In a town like Lindeveld, people who cannot cycle "
        "depend on others or on an expensive bus. Cycling gives freedom and "
        "puts work, school and care within reach.",
        "team_nl": "Je werkt met twee andere fietsdocenten en een coördinator van Samen Onderweg.",
        "team_en": "You work with two other cycling teachers and a coordinator from Samen Onderweg.",
    },
]

# ---------------------------------------------------------- plain versions
# The title, tasks, problem and team of every template in plain language
# (B1: short sentences, everyday words), in the order of
# ``JOB_PLAIN_TEXT_FIELDS``; the plain summary is ``plain_*`` above. Our own
# words. Added to each template below, so every demo job has them all.
PLAIN_VERSIONS = {
    "bezoek-ouderen": {
        "title_plain_nl": "Op bezoek bij ouderen in {buurt}",
        "title_plain_en": "Visit older people in {buurt}",
        "tasks_plain_nl": "Je begint op het kantoor in {buurt}. Je kijkt met je begeleider wie je die dag "
        "ziet. Dan ga je naar 3 of 4 mensen thuis. Je drinkt koffie, loopt een stukje of doet een spel. Aan "
        "het eind schrijf je op hoe het met ze gaat.",
        "tasks_plain_en": "You start at the office in {buurt}. You and your supervisor look at who you "
        "visit. Then you go to 3 or 4 people at home. You have coffee, go for a walk or play a game. At the "
        "end you write down how they are.",
        "problem_plain_nl": "Veel ouderen zijn vaak alleen. Soms zien ze dagen niemand. Kom je vaak, dan "
        "zie je ook eerder als er iets mis is.",
        "problem_plain_en": "Many older people are often alone. Sometimes they see nobody for days. If you "
        "come often, you also see sooner when something is wrong.",
        "team_plain_nl": "Je werkt met een vaste begeleider en een groep vrijwilligers. Je coach helpt je ook.",
        "team_plain_en": "You work with a supervisor and a group of volunteers. Your coach helps you too.",
    },
    "kookmaatje": {
        "title_plain_nl": "Koken met ouderen in {buurt}",
        "title_plain_en": "Cook with older people in {buurt}",
        "tasks_plain_nl": "Om 10 uur doe je boodschappen met een vrijwilliger. Dan kook je in het buurthuis "
        "in {buurt}. Soms koken mensen uit de buurt mee. Je dekt de tafel en eet mee. Na het eten ruim je "
        "samen op.",
        "tasks_plain_en": "At 10 o'clock you buy the food with a volunteer. Then you cook at the community "
        "centre in {buurt}. Sometimes people from the area cook with you. You lay the table and eat with "
        "them. After the meal you clean up together.",
        "problem_plain_nl": "Ouderen die alleen wonen, eten vaak slecht. Ze eten ook vaak alleen. Samen "
        "eten is gezond, en je leert nieuwe mensen kennen.",
        "problem_plain_en": "Older people who live alone often eat badly. They often eat alone too. Eating "
        "together is healthy, and you meet new people.",
        "team_plain_nl": "Je werkt met 2 vrijwilligers en je coach. De baas van het buurthuis helpt ook.",
        "team_plain_en": "You work with 2 volunteers and your coach. The manager of the community centre "
        "helps too.",
    },
    "spelmiddag": {
        "title_plain_nl": "Spelletjes met ouderen in {buurt}",
        "title_plain_en": "Games with older people in {buurt}",
        "tasks_plain_nl": "Je maakt de zaal klaar en zet koffie. Je legt de spellen klaar. Je zorgt dat "
        "iedereen mee kan doen. Ook wie slecht ziet of wat trager is. Komt iemand een paar keer niet? Dan "
        "bel je die persoon.",
        "tasks_plain_en": "You get the room ready and make coffee. You put out the games. You make sure "
        "everyone can join in. Also people who do not see well or are a bit slower. Has someone not come a "
        "few times? Then you call them.",
        "problem_plain_nl": "In het weekend is er weinig te doen voor ouderen. Dan voelen ze zich vaak "
        "extra alleen. Een vaste middag geeft ze iets om naar uit te kijken.",
        "problem_plain_en": "At the weekend there is little to do for older people. Then they often feel "
        "extra lonely. A fixed afternoon gives them something to look forward to.",
        "team_plain_nl": "Je werkt met een paar vrijwilligers uit de buurt. Iemand van de stichting helpt je.",
        "team_plain_en": "You work with a few volunteers from the area. Someone from the foundation helps you.",
    },
    "huiskamerassistent": {
        "title_plain_nl": "Hulp in de huiskamer in {buurt}",
        "title_plain_en": "Help in a care home in {buurt}",
        "tasks_plain_nl": "Je dag begint met koffie en de krant. Je leest voor of praat over het nieuws. Je "
        "helpt met de tafel en het eten. Daarna doe je iets leuks, zoals een spel of zingen. De zorg doen "
        "anderen. Jij zorgt dat het gezellig is.",
        "tasks_plain_en": "Your day starts with coffee and the paper. You read out loud or talk about the "
        "news. You help with the table and the food. Then you do something fun, like a game or singing. "
        "Other staff give the care. You make it a nice place to be.",
        "problem_plain_nl": "De mensen die de zorg geven, hebben het druk. Ze hebben weinig tijd om te "
        "praten. Daardoor zitten bewoners vaak lang alleen.",
        "problem_plain_en": "The care staff are very busy. They have little time to talk. So the people who "
        "live there often sit alone for hours.",
        "team_plain_nl": "Je werkt met de mensen die de zorg geven. Een vaste leider helpt je als je iets "
        "wilt vragen.",
        "team_plain_en": "You work with the care staff. A team leader helps you when you have a question.",
    },
    "huiskamer-middag": {
        "title_plain_nl": "Gezelschap voor ouderen in {buurt}",
        "title_plain_en": "Company for older people in {buurt}",
        "tasks_plain_nl": "Je komt na de lunch. Dan is het rustig in het huis. Je kiest iets om samen te "
        "doen. Kleuren, breien, oude foto's kijken of muziek van vroeger. Rond 5 uur help je met het "
        "avondeten.",
        "tasks_plain_en": "You come after lunch. Then it is quiet in the home. You choose something to do "
        "together. Colouring, knitting, old photos or old music. At about 5 o'clock you help with dinner.",
        "problem_plain_nl": "In de middag is het vaak stil in een zorgcentrum. Bewoners worden dan onrustig "
        "of verdrietig. Jouw aandacht maakt hun dag beter.",
        "problem_plain_en": "In the afternoon a care home is often quiet. People then get restless or sad. "
        "Your time and care make their day better.",
        "team_plain_nl": "Je werkt met de mensen die de zorg geven. Iemand die de activiteiten regelt, helpt je.",
        "team_plain_en": "You work with the activities leader and with the care staff.",
    },
    "receptie-zorgcentrum": {
        "title_plain_nl": "Bij de ingang van een zorgcentrum in {buurt}",
        "title_plain_en": "At the door of a care home in {buurt}",
        "tasks_plain_nl": "Op vrijdag en in het weekend zit je bij de ingang. Je zegt bezoekers gedag en "
        "wijst de weg. Je neemt de telefoon op en ook pakjes aan. Je praat met bewoners die even bij je "
        "komen zitten. Gaat er iets mis? Dan weet je wie je moet bellen.",
        "tasks_plain_en": "On Friday and at the weekend you sit at the entrance. You greet visitors and "
        "show them the way. You answer the phone and take in parcels. You talk with people who come and sit "
        "with you. Does something go wrong? Then you know who to call.",
        "problem_plain_nl": "In het weekend werken er weinig mensen. Vaak zit er dan niemand bij de deur. "
        "Een vast gezicht voelt veilig voor bewoners en familie.",
        "problem_plain_en": "At the weekend few staff are at work. Often nobody sits at the door then. A "
        "face they know feels safe for the people there and their family.",
        "team_plain_nl": "Je werkt met de mensen die de zorg geven. Een vaste baas leert je het werk en "
        "maakt je rooster.",
        "team_plain_en": "You work with the care staff. A manager teaches you the work and makes your schedule.",
    },
    "computercoach": {
        "title_plain_nl": "Les geven over de computer in {buurt}",
        "title_plain_en": "Teach people to use a computer in {buurt}",
        "tasks_plain_nl": "Je geeft 2 of 3 lessen per dag in de bieb van {buurt}. In een groep zitten "
        "hooguit 6 mensen. Je oefent wat mensen echt nodig hebben. Bijvoorbeeld een bericht sturen of een "
        "afspraak maken bij de dokter. Tussen de lessen help je mensen met hun eigen vraag.",
        "tasks_plain_en": "You give 2 or 3 lessons a day in the library in {buurt}. A group has 6 people at "
        "most. You practise what people really need. For example sending a message or making a doctor's "
        "appointment. Between lessons you help people with their own question.",
        "problem_plain_nl": "Veel dingen regel je nu alleen nog online. Wie geen computer kan gebruiken, "
        "raakt achter. Dat geldt vooral voor ouderen en mensen die slecht lezen.",
        "problem_plain_en": "Many things can only be done online now. People who cannot use a computer fall "
        "behind. Older people and people who find reading hard most of all.",
        "team_plain_nl": "Je werkt met iemand van de bieb. Een paar vrijwilligers geven ook les.",
        "team_plain_en": "You work with someone from the library. A few volunteers teach too.",
    },
    "digitaal-spreekuur": {
        "title_plain_nl": "Hulp bij de computer in {buurt}",
        "title_plain_en": "Help with the computer in {buurt}",
        "tasks_plain_nl": "Je zit 2 keer per week in het buurthuis van {buurt}. Je hebt een laptop en een "
        "printer. Mensen komen met een vraag. Bijvoorbeeld over geld van de overheid of een brief van de "
        "gemeente. Je doet het samen met ze. Zo kunnen ze het de volgende keer zelf.",
        "tasks_plain_en": "You sit at the community centre in {buurt} 2 times a week. You have a laptop and "
        "a printer. People come with a question. For example about money from the government or a letter "
        "from the town. You do it together with them. Then they can do it alone next time.",
        "problem_plain_nl": "Veel mensen snappen online formulieren niet. Zo missen ze geld of afspraken. "
        "Een beetje hulp dichtbij voorkomt zorgen over geld.",
        "problem_plain_en": "Many people do not understand online forms. So they miss money or "
        "appointments. A little help close by stops money worries.",
        "team_plain_nl": "Je werkt met een sociaal werker. Bij moeilijke vragen helpt die je.",
        "team_plain_en": "You work with a social worker. This person helps you with hard questions.",
    },
    "wegwijzer-nieuwkomers": {
        "title_plain_nl": "Hulp voor mensen die net in {buurt} wonen",
        "title_plain_en": "Help for people new to {buurt}",
        "tasks_plain_nl": "Je helpt een vaste groep gezinnen, ongeveer een jaar lang. Je gaat mee naar "
        "afspraken. Je legt uit hoe de bus werkt en wanneer de vuilniswagen komt. Je oefent samen "
        "Nederlands. Spreek je hun taal? Dan help je soms met vertalen.",
        "tasks_plain_en": "You help a fixed group of families for about a year. You go with them to "
        "appointments. You explain how the bus works and when the bin lorry comes. You practise Dutch "
        "together. Do you speak their language? Then you sometimes help them translate.",
        "problem_plain_nl": "Nieuwe mensen willen snel meedoen. Maar de regels, brieven en taal zijn nieuw "
        "voor ze. Hulp in het begin helpt tegen eenzaamheid en fouten.",
        "problem_plain_en": "New people want to join in soon. But the rules, letters and language are new "
        "to them. Help at the start stops loneliness and mistakes.",
        "team_plain_nl": "Je werkt met 2 collega's. Elke week praat je met een begeleider.",
        "team_plain_en": "You work with 2 colleagues. Every week you talk with a supervisor.",
    },
    "taalcafe": {
        "title_plain_nl": "Mensen welkom heten in het taalcafé in {buurt}",
        "title_plain_en": "Welcome people at the language café in {buurt}",
        "tasks_plain_nl": "Je zet de tafels klaar in de bieb van {buurt}. Dat doe je op woensdag en "
        "donderdag. Je zet koffie en thee. Je zet mensen samen aan tafel, zodat ze elkaar helpen. Je let "
        "erop dat stille mensen ook praten. En je zegt nieuwe mensen gedag.",
        "tasks_plain_en": "You set up the tables in the library in {buurt}. You do this on Wednesday and "
        "Thursday. You make coffee and tea. You seat people together so they help each other. You make sure "
        "quiet people get to talk too. And you welcome new people.",
        "problem_plain_nl": "Wie een taal leert, moet veel oefenen in het echte leven. Daar is weinig kans "
        "voor. In het taalcafé ontmoeten mensen elkaar.",
        "problem_plain_en": "People who learn a language need a lot of practice in real life. There are few "
        "chances for that. In the language café people meet each other.",
        "team_plain_nl": "Je werkt met vrijwilligers die Nederlands oefenen met mensen. Iemand van de bieb "
        "regelt het taalcafé.",
        "team_plain_en": "You work with volunteers who practise Dutch with people. Someone from the library "
        "runs the café.",
    },
    "buurtconcierge": {
        "title_plain_nl": "Zorg voor de straat in {buurt}",
        "title_plain_en": "Look after the streets in {buurt}",
        "tasks_plain_nl": "Je begint met een ronde langs flats, schuren en speelplekken. Zie je een kapotte "
        "lamp of afval? Dan meld je dat. Kleine dingen maak je zelf. Grote klussen geef je door aan de "
        "verhuurder. Je praat met mensen en let op wie weinig buiten komt.",
        "tasks_plain_en": "You start with a round past the flats, sheds and play areas. Do you see a broken "
        "lamp or litter? Then you report it. You fix small things yourself. You pass big jobs on to the "
        "landlord. You talk with people and look out for those who rarely go out.",
        "problem_plain_nl": "In sommige buurten voelen mensen zich niet gehoord. De trappen in de flats "
        "worden vies. Met een vast gezicht zie je problemen eerder.",
        "problem_plain_en": "In some areas people feel nobody listens to them. The stairs in the flats get "
        "dirty. With a face they know, problems show up sooner.",
        "team_plain_nl": "Je werkt met iemand van de verhuurder en de wijkagent. Ook mensen uit de buurt "
        "helpen mee.",
        "team_plain_en": "You work with someone from the landlord and the local police officer. People from "
        "the area help too.",
    },
    "klassenassistent": {
        "title_plain_nl": "Hulp in de klas in {buurt}",
        "title_plain_en": "Help in the classroom in {buurt}",
        "tasks_plain_nl": "Om half 9 sta je bij de deur van de klas. Je helpt de kinderen op weg. In de les "
        "werk je met een groepje dat extra moet oefenen. Met lezen of met rekenen. In de pauze let je op "
        "het plein.",
        "tasks_plain_en": "At half past 8 you stand at the classroom door. You help the children get "
        "started. In class you work with a small group who need extra practice. With reading or with sums. "
        "At break you watch the playground.",
        "problem_plain_nl": "De klassen zijn groot. De juf of meester heeft niet voor elk kind tijd. Vooral "
        "kinderen die nog slecht Nederlands spreken, hebben veel aan een extra helper.",
        "problem_plain_en": "The classes are big. The teacher does not have time for every child. Children "
        "who do not speak Dutch well yet need an extra helper most.",
        "team_plain_nl": "Je werkt met de juf of meester van de klas. Een begeleider van school en je coach "
        "helpen ook.",
        "team_plain_en": "You work with the class teacher. A support teacher and your coach help you too.",
    },
    "overblijf": {
        "title_plain_nl": "Lunch en pauze op school in {buurt}",
        "title_plain_en": "Lunch and break at school in {buurt}",
        "tasks_plain_nl": "Je komt rond half 12. Je helpt de lunch klaar te zetten in de klassen. Je eet "
        "met een groep mee en let erop dat iedereen eet. Je helpt als kinderen ruzie hebben. Daarna let je "
        "op het plein.",
        "tasks_plain_en": "You come at about half past 11. You help set out lunch in the classes. You eat "
        "with a group and check that everyone eats. You help when children fight. Then you watch the "
        "playground.",
        "problem_plain_nl": "De juf of meester heeft in de middag zelf geen pauze. Op het plein is vaak "
        "ruzie. Een vaste helper zorgt voor rust.",
        "problem_plain_en": "At midday the teachers get no break themselves. There are often fights in the "
        "playground. A helper the children know brings calm.",
        "team_plain_nl": "Je werkt met een vaste groep helpers. Iemand anders maakt de planning.",
        "team_plain_en": "You work with a fixed group of helpers. Someone else makes the plan.",
    },
    "klussendienst": {
        "title_plain_nl": "Klussen in huis in {buurt}",
        "title_plain_en": "Odd jobs in homes in {buurt}",
        "tasks_plain_nl": "Elke ochtend krijg je een lijst met klussen. Met een collega ga je met de bus "
        "naar mensen in {buurt}. Je maakt een deur die klemt. Je sjouwt een kast of zet grofvuil op de "
        "stoep. Je werkt netjes en drinkt koffie als mensen dat fijn vinden.",
        "tasks_plain_en": "Every morning you get a list of jobs. You take the van with a colleague to "
        "people in {buurt}. You fix a door that sticks. You carry a cupboard or put rubbish out on the "
        "street. You work with care and have coffee when people like that.",
        "problem_plain_nl": "Mensen met weinig geld laten kleine dingen in huis vaak kapot. Dat kan "
        "gevaarlijk worden. Jullie doen alleen klussen die een vakman niet doet. Zo pakt niemand werk af.",
        "problem_plain_en": "People with little money often leave small things broken at home. That can get "
        "unsafe. You only do jobs a tradesman does not take. So nobody loses work.",
        "team_plain_nl": "Je werkt altijd met z'n tweeën. Een vakman met veel ervaring leidt het werk.",
        "team_plain_en": "You always work in pairs. A skilled worker leads the work.",
    },
    "klusjeshulp": {
        "title_plain_nl": "Kleine klusjes voor ouderen in {buurt}",
        "title_plain_en": "Small jobs for older people in {buurt}",
        "tasks_plain_nl": "Je gaat op een dag naar 4 tot 6 huizen in {buurt}. Je neemt een tas met "
        "gereedschap en een trapje mee. Je doet kleine klusjes, zoals een extra handgreep bij het bad. Zie "
        "je nog iets dat niet veilig is? Dan geef je dat door.",
        "tasks_plain_en": "In a day you go to 4 to 6 homes in {buurt}. You take a bag of tools and a small "
        "ladder. You do small jobs, like an extra grab rail by the bath. Do you see something else that is "
        "not safe? Then you pass it on.",
        "problem_plain_nl": "Veel ouderen willen lang thuis wonen. Maar door kleine dingen vallen ze soms. "
        "Een paar klusjes op tijd voorkomen ongelukken.",
        "problem_plain_en": "Many older people want to live at home for a long time. But small things "
        "sometimes make them fall. A few small jobs in time stop accidents.",
        "team_plain_nl": "Je werkt met mensen van de stichting. Zij geven je de adressen.",
        "team_plain_en": "You work with people from the foundation. They give you the addresses.",
    },
    "boodschappendienst": {
        "title_plain_nl": "Boodschappen doen voor anderen in {buurt}",
        "title_plain_en": "Do shopping for others in {buurt}",
        "tasks_plain_nl": "In de ochtend hoor je wat mensen nodig hebben. Je doet de boodschappen in de "
        "winkel in {buurt}. Je brengt ze met de bakfiets, tot in de keuken als dat moet. Je geeft het "
        "bonnetje en het geld terug. En je let op of het goed gaat met de mensen.",
        "tasks_plain_en": "In the morning you hear what people need. You do the shopping at the shop in "
        "{buurt}. You bring it on a cargo bike, into the kitchen if needed. You give back the receipt and "
        "the change. And you check that people are doing well.",
        "problem_plain_nl": "Sommige mensen lopen slecht en hebben geen familie dichtbij. Zij kunnen niet "
        "zelf naar de winkel. Laten bezorgen is duur.",
        "problem_plain_en": "Some people cannot walk well and have no family close by. They cannot go to "
        "the shop themselves. Delivery costs a lot.",
        "team_plain_nl": "Je werkt met 2 andere helpers en iemand die de routes maakt.",
        "team_plain_en": "You work with 2 other helpers and someone who plans the routes.",
    },
    "maaltijdbezorger": {
        "title_plain_nl": "Warm eten brengen in {buurt}",
        "title_plain_en": "Bring hot meals in {buurt}",
        "tasks_plain_nl": "Rond 11 uur laad je de bakken met eten in het busje. Je rijdt elke dag langs 12 "
        "tot 15 huizen. Als het nodig is, zet je het eten op tafel. Doet iemand niet open? Of ziet iemand "
        "er niet goed uit? Dan bel je meteen het zorgcentrum.",
        "tasks_plain_en": "At about 11 you load the boxes of food into the van. Every day you drive past 12 "
        "to 15 homes. If needed, you put the meal on the table. Does someone not open the door? Or does "
        "someone not look well? Then you call the care home at once.",
        "problem_plain_nl": "Veel ouderen die thuis wonen, koken niet meer goed. Elke dag eten aan de deur "
        "houdt ze gezond. En zo ziet iemand ze elke dag.",
        "problem_plain_en": "Many older people who live at home do not cook well any more. A meal at the "
        "door every day keeps them healthy. And this way someone sees them every day.",
        "team_plain_nl": "Je werkt met de koks van het zorgcentrum. Iemand anders maakt het rooster.",
        "team_plain_en": "You work with the cooks of the care home. Someone else makes the schedule.",
    },
    "energiehulp": {
        "title_plain_nl": "Hulp bij minder gas en stroom in {buurt}",
        "title_plain_en": "Help to use less gas and power in {buurt}",
        "tasks_plain_nl": "Je gaat met een collega naar mensen thuis in {buurt}. Je kijkt waar het tocht en "
        "waar warmte weg gaat. Je plakt meteen strips tegen de tocht. Je legt uit hoe je de verwarming goed "
        "zet. Je laat een lijstje met tips achter.",
        "tasks_plain_en": "You go with a colleague to people's homes in {buurt}. You look for draughts and "
        "where heat gets out. You put up strips against draughts at once. You explain how to set the "
        "heating well. You leave a short list of tips.",
        "problem_plain_nl": "Veel mensen met weinig geld wonen in koude huizen. Ze betalen veel voor gas en "
        "stroom. Kleine dingen maken de rekening meteen lager.",
        "problem_plain_en": "Many people with little money live in cold homes. They pay a lot for gas and "
        "power. Small changes make the bill lower at once.",
        "team_plain_nl": "Je werkt in een team. Iemand die veel weet van energie helpt je.",
        "team_plain_en": "You work in a team. Someone who knows a lot about energy helps you.",
    },
    "repaircafe": {
        "title_plain_nl": "Kapotte spullen maken in {buurt}",
        "title_plain_en": "Fix broken things in {buurt}",
        "tasks_plain_nl": "Het café is open op woensdag en zaterdag. Mensen komen met een lamp, stofzuiger "
        "of fiets die kapot is. Je kijkt wat er mis is. Je maakt het samen met ze, zodat ze er iets van "
        "leren. Als het rustig is, ruim je de werkplaats op.",
        "tasks_plain_en": "The café is open on Wednesday and Saturday. People come with a lamp, vacuum "
        "cleaner or bike that is broken. You look at what is wrong. You fix it together with them, so they "
        "learn something. When it is quiet, you tidy the workshop.",
        "problem_plain_nl": "Mensen gooien veel weg dat nog te maken is. Maken is goedkoper dan nieuw "
        "kopen. En het is goed voor de natuur.",
        "problem_plain_en": "People throw away a lot that can still be fixed. Fixing costs less than buying "
        "new. And it is good for nature.",
        "team_plain_nl": "Je werkt met vrijwilligers. Sommigen doen dit al jaren.",
        "team_plain_en": "You work with volunteers. Some have done this for years.",
    },
    "buurtwacht": {
        "title_plain_nl": "Rondes lopen door {buurt}",
        "title_plain_en": "Walk rounds in {buurt}",
        "tasks_plain_nl": "Je loopt met een collega door {buurt}. Je let op kapotte lampen en afval op "
        "straat. Of op een deur die open staat. Je praat met mensen, zodat ze je leren kennen. Wat je ziet, "
        "meld je bij de gemeente of de wijkagent.",
        "tasks_plain_en": "You walk through {buurt} with a colleague. You look out for broken lamps and "
        "rubbish in the street. Or a door left open. You talk with people, so they get to know you. You "
        "tell the town or the local police officer what you see.",
        "problem_plain_nl": "Mensen voelen zich 's avonds niet altijd veilig op straat. Kleine problemen "
        "hoort de gemeente vaak pas laat. Een vast gezicht maakt de buurt veiliger.",
        "problem_plain_en": "In the evening people do not always feel safe in the street. The town often "
        "hears about small problems late. A face people know makes the area safer.",
        "team_plain_nl": "Je werkt met een vaste collega en de wijkagent. Iemand van het buurthuis helpt ook.",
        "team_plain_en": "You work with a fixed colleague and the local police officer. Someone from the "
        "community centre helps too.",
    },
    "chauffeur-ouderen": {
        "title_plain_nl": "Ouderen met de auto brengen in {buurt}",
        "title_plain_en": "Drive older people in {buurt}",
        "tasks_plain_nl": "Je begint om half 8. Je haalt de auto op en kijkt welke ritten er zijn. Je haalt "
        "mensen thuis op. Je loopt mee naar binnen als dat nodig is. Tussen de ritten maak je de auto "
        "schoon.",
        "tasks_plain_en": "You start at half past 7. You pick up the car and look at the rides. You pick "
        "people up at home. You walk in with them if needed. Between rides you clean the car.",
        "problem_plain_nl": "Sommige ouderen rijden niet meer zelf en lopen slecht. Ze missen soms een "
        "afspraak bij de dokter. Een taxi is duur.",
        "problem_plain_en": "Some older people no longer drive and cannot walk well. They sometimes miss a "
        "doctor's appointment. A taxi costs a lot.",
        "team_plain_nl": "Je werkt met andere chauffeurs. Iemand op kantoor plant de ritten.",
        "team_plain_en": "You work with other drivers. Someone at the office plans the rides.",
    },
    "fietsles": {
        "title_plain_nl": "Fietsles geven in {buurt}",
        "title_plain_en": "Teach adults to cycle in {buurt}",
        "tasks_plain_nl": "Je geeft les op een plein zonder auto's. Later oefen je op rustige straten in "
        "{buurt}. Eerst leren mensen hun evenwicht houden en sturen. Daarna oefen je met de regels van het "
        "verkeer. Je gaat zo snel als de ander kan.",
        "tasks_plain_en": "You teach on a square without cars. Later you practise on quiet streets in "
        "{buurt}. First people learn to keep their balance and steer. Then you practise the rules of the "
        "road. You go as fast as each person can.",
        "problem_plain_nl": "Wie niet kan fietsen, heeft anderen of een dure bus nodig. Met een fiets ga je "
        "zelf naar werk, school of de dokter.",
        "problem_plain_en": "People who cannot cycle need others or an expensive bus. With a bike you go to "
        "work, school or the doctor yourself.",
        "team_plain_nl": "Je werkt met 2 andere fietsleraren en iemand die alles regelt.",
        "team_plain_en": "You work with 2 other cycling teachers and someone who arranges everything.",
    },
}

for _template in JOB_TEMPLATES:
    _template.update(PLAIN_VERSIONS[_template["key"]])


# (template_key, buurt_key, start_offset_days relative to today)
DEMO_JOBS = [
    # Lindeveld-Noord
    ("bezoek-ouderen", "de-hoven", 14),
    ("spelmiddag", "de-hoven", 7),
    ("klussendienst", "de-hoven", 21),
    ("computercoach", "de-hoven", -10),
    ("buurtconcierge", "de-hoven", 45),
    ("kookmaatje", "bloemenbuurt", 10),
    ("boodschappendienst", "bloemenbuurt", 3),
    ("klassenassistent", "bloemenbuurt", 60),
    ("energiehulp", "bloemenbuurt", 30),
    ("huiskamer-middag", "vogelbuurt", 28),
    ("huiskamerassistent", "vogelbuurt", -5),
    ("buurtwacht", "vogelbuurt", 35),
    # Lindeveld-Centrum
    ("repaircafe", "oude-haven", -20),
    ("buurtwacht", "oude-haven", 12),
    ("taalcafe", "oude-haven", 5),
    ("maaltijdbezorger", "oude-haven", 18),
    ("bezoek-ouderen", "molenkwartier", 40),
    ("digitaal-spreekuur", "molenkwartier", -14),
    ("receptie-zorgcentrum", "molenkwartier", 25),
    ("wegwijzer-nieuwkomers", "marktbuurt", 0),
    ("fietsles", "marktbuurt", 50),
    ("boodschappendienst", "marktbuurt", 70),
    # Lindeveld-Oost
    ("chauffeur-ouderen", "kerkeland", 15),
    ("klusjeshulp", "kerkeland", -30),
    ("kookmaatje", "kerkeland", 55),
    ("overblijf", "kerkeland", 20),
    ("buurtconcierge", "het-broek", 90),
    ("energiehulp", "het-broek", 8),
    ("wegwijzer-nieuwkomers", "het-broek", 33),
    ("computercoach", "het-broek", 62),
    # Lindeveld-Zuid
    ("huiskamerassistent", "lindehof", 42),
    ("spelmiddag", "lindehof", -2),
    ("klusjeshulp", "lindehof", 24),
    ("repaircafe", "zuiderpark", 11),
    ("fietsles", "zuiderpark", -25),
    ("klussendienst", "zuiderpark", 75),
    ("overblijf", "zuiderpark", 48),
    ("bezoek-ouderen", "de-weide", 84),
    ("chauffeur-ouderen", "de-weide", 4),
    ("digitaal-spreekuur", "de-weide", 38),
    ("huiskamer-middag", "de-weide", 66),
]

# The demo resident "bewoner" lives in De Hoven (Lindeveld-Noord). Jobs that
# fit well: bezoek-ouderen in De Hoven, kookmaatje in Bloemenbuurt and
# huiskamer-middag in Vogelbuurt. Clearly not: spelmiddag in De Hoven (asks
# Saturday) and klussendienst in De Hoven (heavy lifting, 32 hours).
DEMO_PROFILE = {
    "home_buurt": "de-hoven",
    "categories": ("elderly", "carehome"),
    "hours_max": 20,
    "days": ("mon", "tue", "wed", "thu"),
    "travel": "wijk",
    "limits": ("heavy_lifting",),
    "skills": ("talk_elderly", "cooking", "listening"),
    "languages": ("nl", "ar"),
}

DEMO_INTEREST = (
    "bezoek-ouderen",
    "de-hoven",
    "Hallo, ik ga graag bij ouderen op bezoek en ik hou van een goed "
    "gesprek. Ik zou deze baan graag willen doen. Wanneer kunnen we "
    "kennismaken?",
)


def plain_job_pages(lang="nl"):
    """``(title, texts)`` for every demo job: its own words in plain language,
    in the order its page shows them (title, summary, tasks, team, problem)."""
    templates = {t["key"]: t for t in JOB_TEMPLATES}
    names = {b["key"]: b["name"] for b in BUURTEN}
    pages = []
    for template_key, buurt_key, _offset in DEMO_JOBS:
        t = templates[template_key]
        fields = ("title_plain", "plain", "tasks_plain", "team_plain", "problem_plain")
        texts = [t[f"{field}_{lang}"].format(buurt=names[buurt_key]) for field in fields]
        pages.append((texts[0], texts))
    return pages


# --------------------------------------------------------------- checking

TEXT_FIELDS = JOB_TEXT_FIELDS
TEMPLATE_KEYS = (
    "key",
    "category",
    "employer",
    "hours",
    "days",
    "skills",
    "languages",
    "demands",
    "wage",
    "places",
) + TEXT_FIELDS
PLACEHOLDER_FIELDS = frozenset(
    {
        "title_nl",
        "title_en",
        "summary_nl",
        "summary_en",
        "plain_nl",
        "plain_en",
        "tasks_nl",
        "tasks_en",
        "title_plain_nl",
        "title_plain_en",
        "tasks_plain_nl",
        "tasks_plain_en",
    }
)
MINIMUM_WAGE_CENTS = 1471  # only to check CAO scales pay more; not a setting


def _sentences(text):
    return [s for s in re.split(r"(?<=[.?])\s+", text.strip()) if s]


def _fits(template, buurt_key, profile):
    """Rough fit: same wijk, wanted category, hours, days and limits."""
    wijk = {b["key"]: b["wijk"] for b in BUURTEN}
    return (
        wijk[buurt_key] == wijk[profile["home_buurt"]]
        and template["category"] in profile["categories"]
        and template["hours"] <= profile["hours_max"]
        and set(template["days"]) <= set(profile["days"])
        and not set(template["demands"]) & set(profile["limits"])
    )


def check():
    """Assert that the demo content is internally consistent."""
    wijk_keys = [w["key"] for w in WIJKEN]
    assert 3 <= len(wijk_keys) <= 4 and len(set(wijk_keys)) == len(wijk_keys)
    buurt_keys = [b["key"] for b in BUURTEN]
    assert len(set(buurt_keys)) == len(buurt_keys)
    for b in BUURTEN:
        assert b["wijk"] in wijk_keys, b
    for w in wijk_keys:
        assert 2 <= sum(b["wijk"] == w for b in BUURTEN) <= 4, w
    assert len(set(EMPLOYERS)) == len(EMPLOYERS)

    assert 20 <= len(JOB_TEMPLATES) <= 22
    templates = {}
    formatter = string.Formatter()
    for t in JOB_TEMPLATES:
        assert tuple(t) == TEMPLATE_KEYS, t["key"]
        assert t["key"] not in templates, t["key"]
        templates[t["key"]] = t
        assert t["category"] in CATEGORIES, t["key"]
        assert t["employer"] in EMPLOYERS, t["key"]
        assert isinstance(t["hours"], int) and 8 <= t["hours"] <= 32
        assert t["days"] and all(d in DAYS for d in t["days"]), t["key"]
        assert len(set(t["days"])) == len(t["days"])
        assert len(t["skills"]) <= 3
        assert all(s in SKILLS for s in t["skills"]), t["key"]
        assert all(lang in LANGUAGES for lang in t["languages"]), t["key"]
        assert all(lim in LIMITS for lim in t["demands"]), t["key"]
        assert isinstance(t["places"], int) and 1 <= t["places"] <= 4
        if t["wage"] is not None:
            assert set(t["wage"]) == {"scale", "cents"}, t["key"]
            assert t["wage"]["scale"].startswith("CAO ")
            assert isinstance(t["wage"]["cents"], int)
            assert t["wage"]["cents"] > MINIMUM_WAGE_CENTS, t["key"]
        for field in TEXT_FIELDS:
            text = t[field]
            assert isinstance(text, str) and text.strip() == text, field
            assert "!" not in text and "  " not in text, (t["key"], field)
            names = [n for _, n, _, _ in formatter.parse(text) if n is not None]
            if field in PLACEHOLDER_FIELDS:
                assert set(names) <= {"buurt"}, (t["key"], field)
                filled = text.format(buurt="De Hoven")
                assert "{" not in filled and "}" not in filled
            else:
                assert "{" not in text and "}" not in text, (t["key"], field)
        for lang in ("nl", "en"):
            assert len(t["summary_" + lang].split()) <= 25, t["key"]
            plain = _sentences(t["plain_" + lang])
            assert 2 <= len(plain) <= 3, (t["key"], lang)
            for sentence in plain:
                assert len(sentence.split()) <= 12, (t["key"], sentence)
            assert 2 <= len(_sentences(t["tasks_" + lang])) <= 4, t["key"]
            assert 1 <= len(_sentences(t["problem_" + lang])) <= 2, t["key"]
            assert len(_sentences(t["team_" + lang])) == 1, t["key"]
            assert len(t["title_plain_" + lang].split()) <= 9, (t["key"], lang)
            for name, most in (("tasks_plain_", 6), ("problem_plain_", 4), ("team_plain_", 2)):
                found = _sentences(t[name + lang])
                assert 1 <= len(found) <= most, (t["key"], name + lang)
                for sentence in found:
                    assert len(sentence.split()) <= 13, (t["key"], sentence)
        for name in ("plain_nl", *(f"{text}_plain_nl" for text in ("title", "tasks", "problem", "team"))):
            assert " u " not in " " + t[name].lower() + " ", (t["key"], name)

    assert set(CATEGORIES) <= {t["category"] for t in JOB_TEMPLATES}
    assert any(not t["skills"] for t in JOB_TEMPLATES)
    assert any(not t["demands"] for t in JOB_TEMPLATES)
    assert any(set(t["days"]) & {"sat", "sun"} for t in JOB_TEMPLATES)
    with_cao = sum(t["wage"] is not None for t in JOB_TEMPLATES)
    assert 4 <= with_cao <= 7, with_cao

    seen = set()
    for template_key, buurt_key, offset in DEMO_JOBS:
        assert template_key in templates, template_key
        assert buurt_key in buurt_keys, buurt_key
        assert isinstance(offset, int) and -30 <= offset <= 90
        assert (template_key, buurt_key) not in seen
        seen.add((template_key, buurt_key))
    names = {b["key"]: b["name"] for b in BUURTEN}
    titles = [templates[t]["title_nl"].format(buurt=names[b]) for t, b, _ in DEMO_JOBS]
    assert len(set(titles)) == len(titles), "job titles must be distinct"
    for b in buurt_keys:
        assert 2 <= sum(job[1] == b for job in DEMO_JOBS) <= 6, b
    for key in templates:
        assert 1 <= sum(job[0] == key for job in DEMO_JOBS) <= 3, key

    p = DEMO_PROFILE
    assert p["home_buurt"] in buurt_keys
    assert len(p["categories"]) == 2 and "elderly" in p["categories"]
    assert all(c in CATEGORIES for c in p["categories"])
    assert p["hours_max"] == 20
    assert p["days"] and not set(p["days"]) & {"sat", "sun"}
    assert all(d in DAYS for d in p["days"])
    assert p["travel"] == "wijk"
    assert all(lim in LIMITS for lim in p["limits"])
    assert len(p["skills"]) == 3 and {"talk_elderly", "cooking"} <= set(p["skills"])
    assert all(s in SKILLS for s in p["skills"])
    assert all(lang in LANGUAGES for lang in p["languages"])
    fitting = [(t, b) for t, b, _ in DEMO_JOBS if _fits(templates[t], b, p)]
    assert len(fitting) >= 3, fitting
    wijk = {b["key"]: b["wijk"] for b in BUURTEN}
    near_misses = [
        (t, b)
        for t, b, _ in DEMO_JOBS
        if wijk[b] == wijk[p["home_buurt"]]
        and not _fits(templates[t], b, p)
        and (set(templates[t]["days"]) & {"sat", "sun"} or set(templates[t]["demands"]) & set(p["limits"]))
    ]
    assert near_misses, "want at least one nearby job that clearly does not fit"

    interest_template, interest_buurt, message = DEMO_INTEREST
    assert (interest_template, interest_buurt) in fitting
    assert message and "{" not in message and "!" not in message
    return True
